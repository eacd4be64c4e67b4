package io.chuk.protocol.standalone;

import io.chuk.protocol.monitor.MonitorToken;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the monitor path with {@code monitor_token} in front of the servlet context, so a viewer
 * without the token is answered 401 (none) or 403 (wrong) before any WebSocket upgrade: the
 * monitor shows other people's input.
 */
final class MonitorGuard extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    private final String monitorPath;
    private final MonitorToken token;

    MonitorGuard(Handler context, String monitorPath, String token) {
        super(context);
        this.monitorPath = monitorPath;
        this.token = new MonitorToken(token);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!monitorPath.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        Fields query = Request.extractQueryParameters(request);
        int verdict = token.check(request.getHeaders().get(HttpHeader.AUTHORIZATION), query.getValue("token"));
        if (verdict == MonitorToken.ALLOWED) {
            return super.handle(request, response, callback);
        }
        LOG.warn("Monitor access refused for {} ({})", Request.getRemoteAddr(request),
                verdict == MonitorToken.MISSING ? "no token" : "wrong token");
        if (verdict == MonitorToken.MISSING) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"monitor\"");
        }
        Response.writeError(request, response, callback, verdict,
                verdict == MonitorToken.MISSING ? "Monitor token required" : "Invalid monitor token");
        return true;
    }
}
