package io.chuk.protocol.websocket;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.monitor.MonitorToken;
import io.chuk.protocol.monitor.SessionMonitor;
import io.chuk.protocol.monitor.Viewer;
import io.chuk.protocol.monitor.ViewerConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The {@code monitor_path} endpoint of an entry with {@code enable_monitoring}: one viewer of the
 * process-wide {@link SessionMonitor}, which bounds what the viewer may have queued and closes it
 * (1008) instead of slowing the sessions it watches.
 */
public final class MonitorEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");
    private static final String MONITOR_PROPERTY = SessionMonitor.class.getName();
    private static final String CONFIG_PROPERTY = ServerConfig.class.getName();

    /** How long a dropped viewer's connection may stay without progress before it is cut (a peer that never reads never answers the close). */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private SessionMonitor monitor;
    private Viewer viewer;

    /** The endpoint registration for an entry's monitor, at its {@code monitor_path}. */
    public static ServerEndpointConfig configFor(ServerConfig config, SessionMonitor monitor) {
        ServerEndpointConfig endpointConfig = ServerEndpointConfig.Builder
                .create(MonitorEndpoint.class, config.monitorPath())
                .subprotocols(List.of(MonitorToken.SUBPROTOCOL))
                .configurator(new HandshakeCheck(config.allowOrigins(), false))
                .build();
        endpointConfig.getUserProperties().put(MONITOR_PROPERTY, monitor);
        endpointConfig.getUserProperties().put(CONFIG_PROPERTY, config);
        return endpointConfig;
    }

    @Override
    public void onOpen(Session webSocket, EndpointConfig endpointConfig) {
        monitor = (SessionMonitor) endpointConfig.getUserProperties().get(MONITOR_PROPERTY);
        ServerConfig config = (ServerConfig) endpointConfig.getUserProperties().get(CONFIG_PROPERTY);
        webSocket.setMaxIdleTimeout(0);
        webSocket.setMaxTextMessageBufferSize(64 * 1024);
        InetSocketAddress address = SessionEndpoint.remoteAddress(webSocket, config);
        if (!originAllowed(config, webSocket)) {
            LOG.warn("Monitor viewer {} refused: its Origin is neither listed in allow_origins nor this server's own page",
                    address);
            try {
                webSocket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Origin not allowed"));
            } catch (IOException e) {
                LOG.debug("Closing refused viewer {} failed: {}", webSocket.getId(), e.toString());
            }
            return;
        }
        viewer = monitor.attach(new Connection(webSocket, address.getHostString() + ":" + address.getPort(),
                tokenPresented(config, webSocket)));
        webSocket.addMessageHandler(String.class, (MessageHandler.Whole<String>) request -> monitor.handle(viewer, request));
    }

    @Override
    public void onClose(Session webSocket, CloseReason closeReason) {
        if (viewer != null) {
            monitor.detach(viewer);
        }
    }

    @Override
    public void onError(Session webSocket, Throwable error) {
        LOG.debug("Monitor viewer {} error: {}", webSocket.getId(), error.toString());
    }

    /**
     * The handshake let through a listed origin, or one that may be this server's own page (the
     * dashboard); the latter only when it really is, by the request's {@code Host} ({@link PageOrigin}).
     */
    private static boolean originAllowed(ServerConfig config, Session webSocket) {
        if (!(webSocket.getUserProperties().get(HandshakeCheck.REQUEST_PROPERTY) instanceof RequestInfo request)) {
            return false;
        }
        String origin = request.header("Origin").orElse(null);
        return origin == null || new HandshakeCheck(config.allowOrigins(), false).listed(origin) || PageOrigin.isOwn(request);
    }

    /**
     * Whether the handshake carried the entry's {@code monitor_token}. The container's guard already
     * refused wrong tokens before the upgrade; checking again here means admin rights never rest on
     * a guard being installed.
     */
    private static boolean tokenPresented(ServerConfig config, Session webSocket) {
        if (config.monitorToken() == null
                || !(webSocket.getUserProperties().get(HandshakeCheck.REQUEST_PROPERTY) instanceof RequestInfo request)) {
            return false;
        }
        return new MonitorToken(config.monitorToken()).check(request.header("Authorization").orElse(null),
                String.join(",", request.headers().getOrDefault("Sec-WebSocket-Protocol", List.of())),
                request.parameter("token").orElse(null)) == MonitorToken.ALLOWED;
    }

    /** A viewer's WebSocket, written through the async remote only. */
    private static final class Connection implements ViewerConnection {
        private final Session webSocket;
        private final String remoteAddress;
        private final boolean tokenPresented;

        Connection(Session webSocket, String remoteAddress, boolean tokenPresented) {
            this.webSocket = webSocket;
            this.remoteAddress = remoteAddress;
            this.tokenPresented = tokenPresented;
        }

        @Override
        public String remoteAddress() {
            return remoteAddress;
        }

        @Override
        public boolean tokenPresented() {
            return tokenPresented;
        }

        @Override
        public void sendText(String text, Sent sent) {
            try {
                webSocket.getAsyncRemote().sendText(text, result -> sent.done(result.isOK()));
            } catch (IllegalStateException e) {
                sent.done(false); // closed meanwhile
            }
        }

        @Override
        public void closeTooSlow() {
            try {
                webSocket.setMaxIdleTimeout(CLOSE_TIMEOUT.toMillis());
                webSocket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Monitor viewer too slow"));
            } catch (IOException | IllegalStateException e) {
                LOG.debug("Closing slow viewer {} failed: {}", webSocket.getId(), e.toString());
            }
        }

        @Override
        public String toString() {
            return webSocket.getId();
        }
    }
}
