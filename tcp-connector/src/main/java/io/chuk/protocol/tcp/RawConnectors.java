package io.chuk.protocol.tcp;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.session.SessionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

import java.time.Duration;

/**
 * Builds Jetty {@link ServerConnector}s for the raw-socket transports ({@code tcp}, {@code telnet}),
 * behind TLS when the entry sets {@code use_ssl}.
 * The connectors carry our own connection factory instead of HTTP, so one Jetty server (and one
 * selector and thread pool) can hold the HTTP/WebSocket connectors and the raw ones together.
 */
public final class RawConnectors {

    /** Grace beyond {@code connection_timeout} after which the connector reaps a socket the session forgot. */
    private static final Duration REAPER_GRACE = Duration.ofSeconds(30);

    private RawConnectors() {
    }

    /** A connector for a {@code tcp} or {@code telnet} server entry, not yet started. */
    public static ServerConnector create(Server server, SessionFactory sessions) {
        ServerConfig config = sessions.config();
        if (config.transport().isWebSocket()) {
            throw new IllegalArgumentException("server '" + config.name() + "' is a WebSocket transport");
        }
        SessionConnectionFactory protocol = new SessionConnectionFactory(sessions);
        ServerConnector connector = config.useSsl()
                ? new ServerConnector(server, 1, 1,
                        new SslConnectionFactory(TlsContexts.serverContext(config), protocol.getProtocol()), protocol)
                : new ServerConnector(server, 1, 1, protocol);
        connector.setName(config.name());
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.hasConnectionTimeout()
                ? config.connectionTimeout().plus(REAPER_GRACE).toMillis() : -1);
        connector.setReuseAddress(true);
        return connector;
    }
}
