package io.chuk.protocol.websocket;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.monitor.SessionMonitor;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The {@code monitor_path} endpoint of an entry with {@code enable_monitoring}: one viewer of the
 * process-wide {@link SessionMonitor}. Each viewer has a bounded send queue; a viewer that falls
 * that far behind is closed (1008) instead of slowing the sessions it watches.
 */
public final class MonitorEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");
    private static final String MONITOR_PROPERTY = SessionMonitor.class.getName();

    /** Messages a viewer may have waiting before it is dropped as too slow. */
    static final int MAX_QUEUED_MESSAGES = 1000;

    private SessionMonitor monitor;
    private QueuedViewer viewer;

    /** The endpoint registration for an entry's monitor, at its {@code monitor_path}. */
    public static ServerEndpointConfig configFor(ServerConfig config, SessionMonitor monitor) {
        ServerEndpointConfig endpointConfig = ServerEndpointConfig.Builder
                .create(MonitorEndpoint.class, config.monitorPath())
                .configurator(new HandshakeCheck(config.allowOrigins(), false))
                .build();
        endpointConfig.getUserProperties().put(MONITOR_PROPERTY, monitor);
        return endpointConfig;
    }

    @Override
    public void onOpen(Session webSocket, EndpointConfig endpointConfig) {
        monitor = (SessionMonitor) endpointConfig.getUserProperties().get(MONITOR_PROPERTY);
        webSocket.setMaxIdleTimeout(0);
        webSocket.setMaxTextMessageBufferSize(64 * 1024);
        viewer = new QueuedViewer(webSocket);
        webSocket.addMessageHandler(String.class, (MessageHandler.Whole<String>) request -> monitor.handle(viewer, request));
        monitor.attach(viewer);
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

    /** Sends one message at a time through the async API, from a bounded queue. */
    private final class QueuedViewer implements SessionMonitor.Viewer {
        private final Session webSocket;
        private final ArrayDeque<String> queue = new ArrayDeque<>();
        private boolean sending;
        private boolean dropped;

        QueuedViewer(Session webSocket) {
            this.webSocket = webSocket;
        }

        @Override
        public void send(String json) {
            synchronized (this) {
                if (dropped) {
                    return;
                }
                if (queue.size() >= MAX_QUEUED_MESSAGES) {
                    dropped = true;
                    queue.clear();
                } else {
                    queue.add(json);
                    if (sending) {
                        return;
                    }
                    sending = true;
                }
            }
            if (dropped) {
                drop();
            } else {
                sendNext();
            }
        }

        private void sendNext() {
            String next;
            synchronized (this) {
                next = queue.poll();
                if (next == null || dropped) {
                    sending = false;
                    return;
                }
            }
            try {
                webSocket.getAsyncRemote().sendText(next, result -> {
                    if (result.isOK()) {
                        sendNext();
                    } else {
                        synchronized (this) {
                            sending = false;
                        }
                    }
                });
            } catch (IllegalStateException e) {
                synchronized (this) {
                    sending = false;
                }
            }
        }

        private void drop() {
            LOG.warn("Monitor viewer {} is too slow ({} messages waiting); closing it", webSocket.getId(), MAX_QUEUED_MESSAGES);
            monitor.detach(this);
            try {
                webSocket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Monitor viewer too slow"));
            } catch (IOException | IllegalStateException e) {
                LOG.debug("Closing slow viewer failed: {}", e.toString());
            }
        }
    }
}
