package io.chuk.protocol.standalone;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The whole handler chain of one WebSocket entry (operator endpoints, monitor guard, WebSocket
 * endpoints), bound to that entry's connector: a request that arrived on another port passes by
 * unhandled, so no entry's paths ever answer on another entry's port (they get 404 there).
 */
final class EntryRoute extends Handler.Wrapper {

    private final Connector connector;

    EntryRoute(Connector connector, Handler chain) {
        super(chain);
        this.connector = connector;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return request.getConnectionMetaData().getConnector() == connector && super.handle(request, response, callback);
    }
}
