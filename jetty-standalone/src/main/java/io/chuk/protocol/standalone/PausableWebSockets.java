package io.chuk.protocol.standalone;

import io.chuk.protocol.websocket.SessionEndpoint;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Lets a session pause its WebSocket input on Jetty without holding a thread, and gives it Jetty's
 * core calls for its frames. Jetty's Jakarta layer asks for the next frame as soon as a message
 * callback returns, and the Jakarta API has no call to stop it; but Jetty reads only when a frame
 * has been handled. So each session's Jakarta frame handler is wrapped: while the session is
 * paused, the next data frame is held back (with its callback) instead of being handed on, and
 * Jetty therefore stops reading that connection; resuming hands the frame on, and reading goes
 * on. Once the endpoint has opened, the wrapper {@linkplain SessionEndpoint#attach attaches}
 * {@link CoreFrames} to it: the pause switch, output framed from the session's bytes, and whole
 * text frames handed to the session past the Jakarta message dispatch. Every other frame (pings,
 * pongs, binary, fragmented messages, close) takes the Jakarta way.
 */
final class PausableWebSockets {

    private PausableWebSockets() {
    }

    /** Wraps the frame handlers of the Jakarta endpoint registered at {@code path}. */
    static void install(ContextHandler context, String path) {
        WebSocketMappings mappings = WebSocketMappings.getMappings(context);
        PathSpec spec = new UriTemplatePathSpec(path);
        WebSocketNegotiator jakarta = mappings == null ? null : mappings.getWebSocketNegotiator(spec);
        if (jakarta == null) {
            throw new IllegalStateException("no WebSocket endpoint registered at " + path);
        }
        mappings.removeMapping(spec);
        mappings.addMapping(spec, new WebSocketNegotiator.AbstractNegotiator(jakarta) {
            @Override
            public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
                FrameHandler handler = jakarta.negotiate(request, response, callback);
                return handler instanceof JakartaWebSocketFrameHandler endpoint ? new Pausable(endpoint) : handler;
            }
        });
    }

    /**
     * One connection's frame handler, which can hold back the next data frame. Frames reach the
     * Jakarta handler one at a time ({@link #delivery}): a held frame handed on from another
     * thread asks Jetty for the next one before the Jakarta handler has finished with it, and
     * that one must wait, as it would on Jetty's own thread.
     */
    private static final class Pausable implements FrameHandler {
        private final JakartaWebSocketFrameHandler delegate;
        private final ReentrantLock delivery = new ReentrantLock();
        private boolean paused;
        private Frame heldFrame;
        private Callback heldCallback;
        private volatile CoreFrames frames;
        private volatile Consumer<String> textInput;

        Pausable(JakartaWebSocketFrameHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            // Attached once the endpoint has opened, before Jetty reads the first frame.
            delegate.onOpen(coreSession, Callback.from(() -> {
                if (delegate.getEndpoint() instanceof SessionEndpoint endpoint) {
                    CoreFrames attached = new CoreFrames(coreSession, this::setPaused);
                    frames = attached;
                    textInput = endpoint.attach(attached);
                }
                if (coreSession instanceof WebSocketCoreSession session
                        && session.getConnection().getEndPoint() instanceof SelectorReadEndPoint endPoint) {
                    endPoint.readOnSelector(); // nothing on this path blocks: see SelectorReadEndPoint
                }
                callback.succeeded();
            }, callback::failed));
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            delivery.lock();
            try {
                synchronized (this) {
                    if (paused && frame.isDataFrame()) {
                        heldFrame = frame;
                        heldCallback = callback;
                        return; // no callback completes, so Jetty asks for nothing more until resumed
                    }
                }
                handOn(frame, callback);
            } finally {
                delivery.unlock();
            }
        }

        /** Hands a frame on (under {@link #delivery}): a whole text frame straight to the session. */
        private void handOn(Frame frame, Callback callback) {
            Consumer<String> input = textInput;
            if (input != null && frame.getOpCode() == OpCode.TEXT && frame.isFin()) {
                frames.deliverText(frame, callback, input);
            } else {
                delegate.onFrame(frame, callback);
            }
        }

        private void setPaused(boolean pause) {
            Frame frame;
            Callback callback;
            synchronized (this) {
                paused = pause;
                if (pause || heldFrame == null) {
                    return;
                }
                frame = heldFrame;
                callback = heldCallback;
                heldFrame = null;
                heldCallback = null;
            }
            delivery.lock();
            try {
                handOn(frame, callback);
            } finally {
                delivery.unlock();
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            dropHeldFrame();
            delegate.onError(cause, callback);
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            dropHeldFrame();
            delegate.onClosed(closeStatus, callback);
        }

        private void dropHeldFrame() {
            Callback callback;
            synchronized (this) {
                callback = heldCallback;
                heldFrame = null;
                heldCallback = null;
            }
            if (callback != null) {
                callback.failed(new ClosedChannelException());
            }
        }
    }
}
