package io.chuk.protocol.monitor;

import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.session.SessionListener;
import io.chuk.protocol.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live session monitor behind {@code /monitor}, speaking the original's JSON protocol for the
 * sessions of every server entry and transport of the process.
 *
 * <p>Viewers receive {@code active_sessions} when they attach, then {@code session_started} and
 * {@code session_ended} (exactly once per session) for everything, and {@code client_input} /
 * {@code server_message} for the sessions they {@code watch_session}. Every request gets a reply.
 * Each event is serialised once and the same text queued for every viewer; a viewer that falls
 * behind by {@link Viewer#MAX_QUEUED_BYTES} or {@link Viewer#MAX_QUEUED_MESSAGES} is dropped and its
 * connection closed on the monitor's own thread, never slowing a session.
 */
public final class SessionMonitor implements SessionListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    private final SessionRegistry registry;
    private final long maxQueuedBytes;
    private final int maxQueuedMessages;
    /** Each attached viewer with the ids of the sessions it watches. */
    private final Map<Viewer, Set<String>> viewers = new ConcurrentHashMap<>();
    /** The tap of each watched session. */
    private final Map<String, SessionWatch> watches = new ConcurrentHashMap<>();
    /** Makes {@code active_sessions} a viewer's first message, before any start or end broadcast. */
    private final Object broadcastLock = new Object();
    /** Closes dropped viewers: a container's close may block until the peer answers. */
    private final ThreadPoolExecutor closer;
    private volatile String newestSessionId;

    public SessionMonitor(SessionRegistry registry) {
        this(registry, Viewer.MAX_QUEUED_BYTES, Viewer.MAX_QUEUED_MESSAGES);
    }

    SessionMonitor(SessionRegistry registry, long maxQueuedBytes, int maxQueuedMessages) {
        this.registry = registry;
        this.maxQueuedBytes = maxQueuedBytes;
        this.maxQueuedMessages = maxQueuedMessages;
        AtomicInteger threads = new AtomicInteger();
        closer = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "chuk-monitor-close-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        closer.allowCoreThreadTimeOut(true);
        registry.addListener(this);
    }

    /** A viewer connected: it gets {@code active_sessions}, then every event. */
    public Viewer attach(ViewerConnection connection) {
        Viewer viewer = new Viewer(connection, this, maxQueuedBytes, maxQueuedMessages);
        synchronized (broadcastLock) {
            viewers.put(viewer, ConcurrentHashMap.newKeySet());
            List<Object> sessions = new ArrayList<>();
            for (ProtocolSession session : registry.sessions()) {
                sessions.add(describe(session, "connected"));
            }
            viewer.start(Json.write(MonitorMessage.message("active_sessions", "sessions", sessions)));
        }
        LOG.info("Monitor viewer attached ({} viewer(s))", viewers.size());
        return viewer;
    }

    /** A viewer left: it stops watching everything. */
    public void detach(Viewer viewer) {
        Set<String> watching = viewers.remove(viewer);
        if (watching != null) {
            watching.forEach(id -> unwatch(viewer, id));
            LOG.info("Monitor viewer detached ({} viewer(s))", viewers.size());
        }
    }

    /** The attached viewers, for operators and tests. */
    public Collection<Viewer> viewers() {
        return List.copyOf(viewers.keySet());
    }

    /** A viewer passed a bound: it is detached now and its connection closed on the monitor's thread. */
    void drop(Viewer viewer, String reason) {
        LOG.warn("Monitor viewer {} is too slow ({}); closing it with 1008", viewer, reason);
        detach(viewer);
        try {
            closer.execute(viewer::closeTooSlow);
        } catch (RejectedExecutionException e) {
            LOG.debug("Monitor stopped; not closing viewer {}", viewer);
        }
    }

    /** One request (a JSON text) from a viewer; always answered. */
    public void handle(Viewer viewer, String request) {
        Map<?, ?> fields;
        try {
            Object parsed = Json.read(request);
            if (!(parsed instanceof Map<?, ?> map)) {
                viewer.send(error("Request must be a JSON object"));
                return;
            }
            fields = map;
        } catch (IllegalArgumentException e) {
            viewer.send(error("Invalid JSON: " + e.getMessage()));
            return;
        }
        Object type = fields.get("type");
        Object id = fields.get("session_id");
        String sessionId = id instanceof String s ? s : null;
        if ("watch_session".equals(type)) {
            watch(viewer, sessionId);
        } else if ("stop_watching".equals(type)) {
            stopWatching(viewer, sessionId);
        } else {
            viewer.send(error("Unknown message type: " + type));
        }
    }

    private void watch(Viewer viewer, String sessionId) {
        Set<String> watching = viewers.get(viewer);
        Optional<ProtocolSession> session = sessionId == null ? Optional.empty() : registry.find(sessionId);
        if (watching == null || session.isEmpty()) {
            viewer.send(watchResponse(sessionId, "error", "Session not found"));
            return;
        }
        watching.add(sessionId);
        watches.compute(sessionId, (id, existing) -> {
            SessionWatch tap = existing;
            if (tap == null) {
                tap = new SessionWatch(id);
                session.get().addTap(tap);
            }
            tap.add(viewer);
            return tap;
        });
        // The session may have ended, or the viewer been dropped, after they were looked up.
        boolean ended = registry.find(sessionId).isEmpty();
        if (ended || !viewers.containsKey(viewer)) {
            watching.remove(sessionId);
            unwatch(viewer, sessionId);
            viewer.send(watchResponse(sessionId, "error", "Session not found"));
            return;
        }
        LOG.info("Viewer started watching session {}", sessionId);
        viewer.send(watchResponse(sessionId, "success", null));
    }

    private void stopWatching(Viewer viewer, String sessionId) {
        Set<String> watching = viewers.get(viewer);
        if (watching == null || sessionId == null || !watching.remove(sessionId)) {
            viewer.send(watchResponse(sessionId, "error", "Not watching this session"));
            return;
        }
        unwatch(viewer, sessionId);
        viewer.send(watchResponse(sessionId, "stopped", null));
    }

    private void unwatch(Viewer viewer, String sessionId) {
        watches.computeIfPresent(sessionId, (id, watch) -> {
            if (!watch.remove(viewer)) {
                return watch;
            }
            registry.find(id).ifPresent(session -> session.removeTap(watch));
            return null;
        });
    }

    @Override
    public void sessionStarted(Session session) {
        newestSessionId = session.id();
        broadcast(MonitorMessage.of(MonitorMessage.message("session_started", "session", describe(session, "connected"))));
    }

    @Override
    public void sessionEnded(Session session) {
        watches.remove(session.id());
        for (Set<String> watching : viewers.values()) {
            watching.remove(session.id());
        }
        broadcast(MonitorMessage.of(MonitorMessage.message("session_ended", "session", describe(session, "disconnected"))));
    }

    private void broadcast(MonitorMessage message) {
        synchronized (broadcastLock) {
            for (Viewer viewer : viewers.keySet()) {
                viewer.send(message);
            }
        }
    }

    private Map<String, Object> describe(Session session, String status) {
        Map<String, Object> client = new LinkedHashMap<>();
        InetSocketAddress address = session.remoteAddress();
        client.put("remote_addr", List.of(address.getHostString(), address.getPort()));
        if (session instanceof ProtocolSession protocolSession) {
            client.put("path", protocolSession.requestPath());
            client.put("user_agent", protocolSession.userAgent());
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", session.id());
        described.put("client", client);
        described.put("start_time", session.startTime().toEpochMilli() / 1000.0);
        described.put("status", status);
        described.put("is_newest", session.id().equals(newestSessionId));
        described.put("transport", session.transport().yamlName());
        described.put("server", session.serverName());
        return described;
    }

    private static MonitorMessage watchResponse(String sessionId, String status, String error) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "watch_response");
        message.put("session_id", sessionId);
        message.put("status", status);
        if (error != null) {
            message.put("error", error);
        }
        return MonitorMessage.of(message);
    }

    private static MonitorMessage error(String reason) {
        return MonitorMessage.of(MonitorMessage.message("error", "error", reason));
    }

    /** Stops listening to the registry and closing viewers (the container closes their connections). */
    @Override
    public void close() {
        registry.removeListener(this);
        closer.shutdownNow();
    }
}
