package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import javax.net.ssl.SSLEngine;
import java.time.Duration;

/** Jetty's TLS layer with a {@link HandshakeDeadline} on every connection it makes. */
final class DeadlineSslConnectionFactory extends SslConnectionFactory {

    private final Duration handshakeTimeout;

    DeadlineSslConnectionFactory(SslContextFactory.Server context, String nextProtocol, Duration handshakeTimeout) {
        super(context, nextProtocol);
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    protected SslConnection newSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
        SslConnection connection = super.newSslConnection(connector, endPoint, engine);
        HandshakeDeadline deadline = new HandshakeDeadline(connector.getScheduler(), handshakeTimeout);
        connection.addHandshakeListener(deadline);
        connection.addEventListener(deadline);
        return connection;
    }
}
