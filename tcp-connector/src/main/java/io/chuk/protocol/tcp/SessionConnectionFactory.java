package io.chuk.protocol.tcp;

import io.chuk.protocol.session.SessionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;

/** A Jetty {@code ConnectionFactory} that turns each accepted socket into a session of one server entry. */
final class SessionConnectionFactory extends AbstractConnectionFactory {

    private final SessionFactory sessions;
    private final SharedWriteBuffer writeBuffer = new SharedWriteBuffer();

    SessionConnectionFactory(SessionFactory sessions) {
        super("chuk-" + sessions.config().transport().yamlName());
        this.sessions = sessions;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        SessionConnection connection = new SessionConnection(endPoint, connector.getExecutor(),
                connector.getByteBufferPool(), writeBuffer, sessions);
        return configure(connection, connector, endPoint);
    }
}
