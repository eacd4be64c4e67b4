package io.chuk.protocol.websocket;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionFactory;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The Jakarta WebSocket endpoint of the {@code websocket} and {@code ws_telnet} transports. It is
 * registered programmatically ({@link #configFor}) because its path comes from the YAML
 * ({@code ws_path}); the same class serves every server entry, which travels in the endpoint
 * config's user properties.
 *
 * <p>{@code websocket}: each text frame is input text for the handler (a frame is a line);
 * binary frames are read as UTF-8 text. {@code ws_telnet}: frames of either kind are bytes of
 * the telnet stream.
 */
public final class SessionEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    static final String FACTORY_PROPERTY = SessionFactory.class.getName();
    /** The peer address property Jetty and Tomcat both set on a session. */
    private static final String REMOTE_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

    private WebSocketChannel channel;
    private PingLiveness liveness;

    /** The endpoint registration for one WebSocket server entry, at its {@code ws_path}. */
    public static ServerEndpointConfig configFor(SessionFactory factory) {
        ServerConfig config = factory.config();
        if (!config.transport().isWebSocket()) {
            throw new IllegalArgumentException("server '" + config.name() + "' is not a WebSocket transport");
        }
        ServerEndpointConfig endpointConfig = ServerEndpointConfig.Builder
                .create(SessionEndpoint.class, config.wsPath())
                .configurator(new HandshakeCheck(config.allowOrigins(), true))
                .build();
        endpointConfig.getUserProperties().put(FACTORY_PROPERTY, factory);
        return endpointConfig;
    }

    @Override
    public void onOpen(Session webSocket, EndpointConfig endpointConfig) {
        SessionFactory factory = (SessionFactory) endpointConfig.getUserProperties().get(FACTORY_PROPERTY);
        ServerConfig config = factory.config();
        boolean text = config.transport() == Transport.WEBSOCKET;
        webSocket.setMaxIdleTimeout(0); // the session's own connection_timeout governs idleness
        // Larger messages are refused by the container with close 1009 (message too big).
        webSocket.setMaxTextMessageBufferSize(config.maxMessageSize());
        webSocket.setMaxBinaryMessageBufferSize(config.maxMessageSize());

        WebSocketChannel channel = new WebSocketChannel(webSocket, text, remoteAddress(webSocket, config),
                factory.blockingTasks());
        this.channel = channel;
        SessionFactory.Admission admission = factory.open(channel);
        if (!admission.admitted()) {
            channel.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, admission.refusal());
            return;
        }
        ProtocolSession opened = admission.session();
        liveness = PingLiveness.watch(opened, new JakartaPeer(webSocket, channel), config, factory.blockingTasks());
        if (liveness != null) {
            webSocket.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> liveness.pongReceived());
        }
        webSocket.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
            WebSocketInput.text(opened, text, message);
            channel.afterMessage();
        });
        webSocket.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) message -> {
            WebSocketInput.binary(opened, text, message);
            channel.afterMessage();
        });
    }

    @Override
    public void onClose(Session webSocket, CloseReason closeReason) {
        if (liveness != null) {
            liveness.stop();
        }
        ProtocolSession session = channel == null ? null : channel.session();
        if (session != null) {
            session.transportClosed(null);
        }
    }

    @Override
    public void onError(Session webSocket, Throwable error) {
        LOG.debug("WebSocket {} error: {}", webSocket.getId(), error.toString());
        ProtocolSession session = channel == null ? null : channel.session();
        if (session != null && !webSocket.isOpen()) {
            session.transportClosed(error);
        }
    }

    /** The client's address: the container's, the WAR filter's, or the one a trusted proxy forwarded. */
    static InetSocketAddress remoteAddress(Session webSocket, ServerConfig config) {
        Object address = webSocket.getUserProperties().get(REMOTE_ADDRESS_PROPERTY);
        Object peerHeader = webSocket.getUserProperties().get(HandshakeCheck.PEER_PROPERTY);
        InetSocketAddress fromFilter = peerHeader instanceof String value ? PeerAddress.parse(value) : null;
        InetSocketAddress peer = address instanceof InetSocketAddress inet ? inet
                : fromFilter != null ? fromFilter : InetSocketAddress.createUnresolved("unknown", 0);
        Object forwarded = webSocket.getUserProperties().get(HandshakeCheck.FORWARDED_FOR_PROPERTY);
        return ForwardedFor.clientAddress(peer, forwarded instanceof String header ? header : null, config.trustedProxies());
    }

    /** The Jakarta session as {@link PingLiveness} watches it; its ping blocks until written. */
    private record JakartaPeer(Session webSocket, WebSocketChannel channel) implements PingLiveness.Peer {
        @Override
        public boolean isOpen() {
            return webSocket.isOpen();
        }

        @Override
        public boolean writing() {
            return channel.writing();
        }

        @Override
        public void sendPing(ByteBuffer payload) throws IOException {
            webSocket.getAsyncRemote().sendPing(payload);
        }

        @Override
        public void closeUnanswered() {
            channel.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Ping timeout");
        }

        @Override
        public String id() {
            return webSocket.getId();
        }
    }
}
