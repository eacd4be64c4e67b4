package io.chuk.protocol.bench;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The ceiling of Jetty's WebSocket core, below the Jakarta layer: a core {@link FrameHandler}
 * answering each text frame with a text frame {@code "Echo: " + text}, demanding the next frame
 * as soon as it has answered, on a connector with a selector per core whose WebSocket reads run
 * on the selector thread (declared non-blocking, as our server declares them), so no read is
 * handed to another thread. No session layer, no Jakarta dispatch, no servlet context. What this
 * reaches is as fast as anything on Jetty's WebSocket implementation can answer; what it lacks
 * against Netty is Jetty's.
 */
final class BaselineCoreWebSocketServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    BaselineCoreWebSocketServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("core-ws");
        server = new Server(threads);
        server.setStopAtShutdown(false);
        connector = new SelectorReadConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setReuseAddress(true);
        server.addConnector(connector);

        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler();
        WebSocketNegotiator echo = (request, response, callback) -> new EchoFrames();
        upgrade.addMapping(BaselineWebSocketServer.PATH, echo);
        server.setHandler(upgrade);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One connection's echo: "ready" on open, then a text frame back for each text frame. */
    private static final class EchoFrames implements FrameHandler {
        private CoreSession session;

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            session.setIdleTimeout(Duration.ZERO);
            callback.succeeded();
            session.sendFrame(new Frame(OpCode.TEXT, "ready"), Callback.NOOP, false);
            session.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() == OpCode.TEXT) {
                session.sendFrame(new Frame(OpCode.TEXT, "Echo: " + frame.getPayloadAsUTF8()), Callback.NOOP, false);
            }
            callback.succeeded();
            if (frame.getOpCode() != OpCode.CLOSE) {
                session.demand();
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
        }
    }

    /** One acceptor, a selector per core, and end points whose WebSocket reads run on the selector. */
    private static final class SelectorReadConnector extends ServerConnector {
        SelectorReadConnector(Server server) {
            super(server, 1, Math.max(1, Runtime.getRuntime().availableProcessors()), new HttpConnectionFactory());
        }

        @Override
        protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
            SocketChannelEndPoint endPoint = new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
                /** A connection registers the same read callback each time: its twin is made once. */
                private Callback registered;
                private Callback twin;

                @Override
                public void fillInterested(Callback callback) {
                    super.fillInterested(upgraded() ? nonBlocking(callback) : callback);
                }

                @Override
                public boolean tryFillInterested(Callback callback) {
                    return super.tryFillInterested(upgraded() ? nonBlocking(callback) : callback);
                }

                private boolean upgraded() {
                    return getConnection() instanceof WebSocketConnection;
                }

                private Callback nonBlocking(Callback callback) {
                    if (Invocable.getInvocationType(callback) == Invocable.InvocationType.NON_BLOCKING) {
                        return callback;
                    }
                    if (callback != registered) {
                        registered = callback;
                        twin = Callback.from(Invocable.InvocationType.NON_BLOCKING, callback::succeeded, callback::failed);
                    }
                    return twin;
                }
            };
            endPoint.setIdleTimeout(getIdleTimeout());
            return endPoint;
        }
    }
}
