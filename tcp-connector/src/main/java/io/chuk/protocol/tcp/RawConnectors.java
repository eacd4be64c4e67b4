package io.chuk.protocol.tcp;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.session.SessionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Jetty {@link ServerConnector}s for the raw-socket transports ({@code tcp}, {@code telnet}),
 * behind TLS when the entry sets {@code use_ssl} and behind a PROXY protocol reader when it sets
 * {@code proxy_protocol}, so limits, logs and the monitor see the real client address.
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
        // Chained as Jetty does: PROXY header (real client address) -> TLS -> our protocol.
        SessionConnectionFactory protocol = new SessionConnectionFactory(sessions);
        List<ConnectionFactory> chain = new ArrayList<>();
        if (config.useSsl()) {
            chain.add(TlsContexts.connectionFactory(config, protocol.getProtocol()));
        }
        chain.add(protocol);
        if (config.proxyProtocol()) {
            chain.add(0, new ProxyConnectionFactory(chain.get(0).getProtocol()));
        }
        ServerConnector connector = new RetryingServerConnector(server, chain.toArray(ConnectionFactory[]::new));
        connector.setName(config.name());
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.hasConnectionTimeout()
                ? config.connectionTimeout().plus(REAPER_GRACE).toMillis() : -1);
        connector.setReuseAddress(true);
        return connector;
    }
}
