package io.chuk.protocol.standalone;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.websocket.ForwardedFor;
import io.chuk.protocol.websocket.PingLiveness;
import io.chuk.protocol.websocket.WebSocketInput;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One connection of a {@code websocket} or {@code ws_telnet} entry on Jetty's core WebSocket
 * API: the standalone server's counterpart of the portable Jakarta endpoint, without the Jakarta
 * layer's per-session machinery (its decoders, encoders and method handles, and the upgrade
 * request it keeps), which cost about 11 kB per session and, at a thousand sessions, more time
 * per message than our whole session layer.
 *
 * <p>Input is paused by demand: Jetty reads a connection's next frame only once the last one has
 * been handled and the next one asked for ({@link CoreSession#demand()}), so a paused session
 * simply asks for nothing more, and no thread waits. Reads run on the selector thread (see
 * {@link SelectorReadEndPoint}): nothing here blocks. Pings are answered, pongs feed
 * {@link PingLiveness}, and the close handshake is Jetty's.
 */
final class CoreSessionEndpoint implements FrameHandler, MessageAssembly.Messages {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    private final SessionFactory factory;
    private final RequestInfo handshake;
    private final String forwardedFor;
    private final boolean textTransport;
    private final MessageAssembly assembly;
    private CoreSession core;
    private ProtocolSession session;
    private PingLiveness liveness;
    private volatile Throwable failure;
    /** Guarded by this: whether the session paused its input, and whether a demand waits for it to resume. */
    private boolean paused;
    private boolean demandOwed;

    /**
     * @param handshake    the handshake as a handler may read it
     * @param forwardedFor the {@code X-Forwarded-For} header, or {@code null}
     */
    CoreSessionEndpoint(SessionFactory factory, RequestInfo handshake, String forwardedFor) {
        this.factory = factory;
        this.handshake = handshake;
        this.forwardedFor = forwardedFor;
        ServerConfig config = factory.config();
        this.textTransport = config.transport() == Transport.WEBSOCKET;
        this.assembly = new MessageAssembly(config.maxMessageSize());
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        core = coreSession;
        ServerConfig config = factory.config();
        coreSession.setIdleTimeout(Duration.ZERO); // the session's own connection_timeout governs idleness
        coreSession.setMaxFrameSize(config.maxMessageSize()); // a frame over it closes with 1009 (message too big)
        if (coreSession instanceof WebSocketCoreSession webSocket
                && webSocket.getConnection().getEndPoint() instanceof SelectorReadEndPoint endPoint) {
            endPoint.readOnSelector();
        }
        callback.succeeded();

        InetSocketAddress peer = coreSession.getRemoteAddress() instanceof InetSocketAddress inet ? inet
                : InetSocketAddress.createUnresolved("unknown", 0);
        CoreWebSocketChannel channel = new CoreWebSocketChannel(coreSession, this, textTransport,
                ForwardedFor.clientAddress(peer, forwardedFor, config.trustedProxies()), handshake);
        SessionFactory.Admission admission = factory.open(channel);
        if (!admission.admitted()) {
            channel.close(CloseStatus.TRY_AGAIN_LATER, admission.refusal());
            core.demand(); // for the peer's close frame
            return;
        }
        session = admission.session();
        liveness = PingLiveness.watch(session, channel, config, factory.blockingTasks());
        demandUnlessPaused();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        try {
            switch (frame.getOpCode()) {
                case OpCode.PING -> core.sendFrame(new Frame(OpCode.PONG).setPayload(BufferUtil.copy(frame.getPayload())),
                        Callback.NOOP, false);
                case OpCode.PONG -> {
                    if (liveness != null) {
                        liveness.pongReceived();
                    }
                }
                case OpCode.CLOSE -> {
                    callback.succeeded(); // Jetty answers it and closes
                    return;
                }
                default -> {
                    if (session != null) {
                        assembly.add(frame, this);
                    }
                }
            }
        } catch (Throwable failed) {
            callback.failed(failed); // Jetty closes: 1009, 1007, 1002, or 1011 when the session threw
            return;
        }
        callback.succeeded();
        demandUnlessPaused();
    }

    @Override
    public void text(String message) {
        WebSocketInput.text(session, textTransport, message);
    }

    @Override
    public void binary(ByteBuffer message) {
        WebSocketInput.binary(session, textTransport, message);
    }

    /** The session's pause switch: resuming asks for the frame that pausing held back. */
    void setPaused(boolean pause) {
        boolean demand;
        synchronized (this) {
            paused = pause;
            demand = !pause && demandOwed;
            if (demand) {
                demandOwed = false;
            }
        }
        if (demand) {
            core.demand();
        }
    }

    private void demandUnlessPaused() {
        synchronized (this) {
            if (paused) {
                demandOwed = true;
                return;
            }
        }
        core.demand();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("WebSocket {} error: {}", session != null ? session.id() : core, cause.toString());
        failure = cause;
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        if (liveness != null) {
            liveness.stop();
        }
        if (session != null) {
            session.transportClosed(failure);
        }
        callback.succeeded();
    }
}
