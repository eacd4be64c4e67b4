package io.chuk.protocol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.directory.ActiveDirectory;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionListener;
import io.chuk.protocol.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
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
 * {@code server_message} (or, in terminal mode, {@code terminal_output} / {@code terminal_size})
 * for the sessions they {@code watch_session}. Viewers with the monitor token may also act on
 * sessions ({@link AdminActions}). Every request gets a reply.
 * Each event is serialised once and the same text queued for every viewer; a viewer that falls
 * behind by {@link Viewer#MAX_QUEUED_BYTES} or {@link Viewer#MAX_QUEUED_MESSAGES} is dropped and its
 * connection closed on the monitor's own thread, never slowing a session.
 *
 * <p>In a cluster the session list and {@code get_session} include the other nodes' sessions
 * (each naming its {@code node}), and a session of another node is watched through the cluster's
 * {@link RemoteMonitoring}: the same {@link SessionWatch}, fed by the relay from that node.
 */
public final class SessionMonitor implements SessionListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    private final SessionRegistry registry;
    private final AdminActions admin;
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
    private final OtherNodes others = new OtherNodes(ActiveDirectory::cluster);
    /** Whether a session list without the other nodes was already reported: one warning per outage. */
    private volatile boolean degradedWarned;

    public SessionMonitor(SessionRegistry registry) {
        this(registry, Viewer.MAX_QUEUED_BYTES, Viewer.MAX_QUEUED_MESSAGES);
    }

    SessionMonitor(SessionRegistry registry, long maxQueuedBytes, int maxQueuedMessages) {
        this.registry = registry;
        this.admin = new AdminActions(registry, ActiveDirectory::get, others);
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
            viewer.start(activeSessions());
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
        JsonNode fields;
        try {
            fields = Json.read(request);
        } catch (IllegalArgumentException e) {
            viewer.send(error("Invalid JSON: " + e.getMessage()));
            return;
        }
        if (!fields.isObject()) {
            viewer.send(error("Request must be a JSON object"));
            return;
        }
        JsonNode typeField = fields.path("type");
        String type = typeField.isTextual() ? typeField.textValue() : typeField.toString();
        String sessionId = fields.path("session_id").textValue();
        switch (type) {
            case "watch_session" -> watch(viewer, sessionId, fields.path("mode").textValue());
            case "stop_watching" -> stopWatching(viewer, sessionId);
            case "list_sessions" -> {
                if (!viewer.sendSnapshot(activeSessions())) {
                    viewer.send(error("A session list is already on its way"));
                }
            }
            case "get_session" -> getSession(viewer, sessionId);
            default -> {
                if (AdminActions.TYPES.contains(type)) {
                    viewer.send(admin.perform(viewer, type, fields));
                } else {
                    viewer.send(error("Unknown message type: " + (typeField.isMissingNode() ? null : type)));
                }
            }
        }
    }

    /**
     * {@code active_sessions}: every live session, as now; in a cluster also every other node's,
     * and the cluster's state ({@code UP}, or {@code DEGRADED} when only this node's are listed).
     */
    private String activeSessions() {
        List<Object> sessions = new ArrayList<>();
        Instant now = Instant.now();
        String node = others.self().orElse(null);
        for (ProtocolSession session : registry.sessions()) {
            sessions.add(describe(session, "connected", now, node));
        }
        for (SessionInfo info : others.sessions()) {
            sessions.add(SessionDescription.remote(info, "connected"));
        }
        Map<String, Object> message = MonitorMessage.message("active_sessions", "sessions", sessions);
        others.cluster().ifPresent(cluster -> message.put("cluster", clusterState(cluster)));
        return Json.write(message);
    }

    private String clusterState(ClusterDirectory cluster) {
        String status = ActiveDirectory.statusOf(cluster);
        boolean degraded = status.equals(ActiveDirectory.DEGRADED);
        if (degraded && !degradedWarned) {
            LOG.warn("Monitor session lists hold only the sessions of node '{}' while the cluster is degraded "
                    + "(its store does not answer)", cluster.nodeName());
        }
        degradedWarned = degraded;
        return status;
    }

    /** {@code session_updated}: one session as now (its attributes and idle time change as it runs). */
    private void getSession(Viewer viewer, String sessionId) {
        Optional<ProtocolSession> session = sessionId == null ? Optional.empty() : registry.find(sessionId);
        Optional<SessionInfo> remote = session.isPresent() ? Optional.empty() : others.find(sessionId);
        if (remote.isPresent()) {
            viewer.send(MonitorMessage.of(MonitorMessage.message("session_updated", "session",
                    SessionDescription.remote(remote.get(), "connected"))));
            return;
        }
        if (session.isEmpty()) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", "error");
            message.put("error", "Session not found");
            message.put("session_id", sessionId);
            viewer.send(MonitorMessage.of(message));
            return;
        }
        viewer.send(MonitorMessage.of(MonitorMessage.message("session_updated", "session",
                describe(session.get(), "connected", Instant.now(), others.self().orElse(null)))));
    }

    private void watch(Viewer viewer, String sessionId, String modeName) {
        SessionWatch.Mode mode = modeName == null || modeName.equals("lines") ? SessionWatch.Mode.LINES
                : modeName.equals("terminal") ? SessionWatch.Mode.TERMINAL : null;
        if (mode == null) {
            viewer.send(watchResponse(sessionId, "error", "Unknown watch mode: " + modeName + " (lines or terminal)", null));
            return;
        }
        Set<String> watching = viewers.get(viewer);
        Optional<ProtocolSession> session = sessionId == null ? Optional.empty() : registry.find(sessionId);
        Optional<SessionInfo> remote = session.isPresent() ? Optional.empty() : others.find(sessionId);
        if (watching != null && remote.isPresent()) {
            watchRemote(viewer, watching, remote.get(), mode);
            return;
        }
        if (watching == null || session.isEmpty()) {
            viewer.send(watchResponse(sessionId, "error", "Session not found", null));
            return;
        }
        if (mode == SessionWatch.Mode.TERMINAL && !session.get().transport().speaksTelnet()) {
            viewer.send(watchResponse(sessionId, "error", "Terminal mode needs a telnet or ws_telnet session", null));
            return;
        }
        watching.add(sessionId);
        watches.compute(sessionId, (id, existing) -> {
            SessionWatch tap = existing;
            if (tap == null) {
                tap = new SessionWatch(id);
                session.get().addTap(tap);
            }
            tap.add(viewer, mode);
            return tap;
        });
        // The session may have ended, or the viewer been dropped, after they were looked up.
        boolean ended = registry.find(sessionId).isEmpty();
        if (ended || !viewers.containsKey(viewer)) {
            watching.remove(sessionId);
            unwatch(viewer, sessionId);
            viewer.send(watchResponse(sessionId, "error", "Session not found", null));
            return;
        }
        LOG.info("Viewer started watching session {}{}", sessionId, mode == SessionWatch.Mode.TERMINAL ? " (terminal)" : "");
        if (mode == SessionWatch.Mode.TERMINAL) {
            viewer.send(watchResponse(sessionId, "success", null, "terminal"));
            session.get().terminal().ifPresent(terminal ->
                    viewer.send(MonitorMessage.terminalSize(sessionId, terminal.width(), terminal.height())));
        } else {
            viewer.send(watchResponse(sessionId, "success", null, null));
        }
    }

    /** Watches another node's session through the cluster: the same replies as for one of this node. */
    private void watchRemote(Viewer viewer, Set<String> watching, SessionInfo info, SessionWatch.Mode mode) {
        String sessionId = info.id();
        if (mode == SessionWatch.Mode.TERMINAL && !info.transport().speaksTelnet()) {
            viewer.send(watchResponse(sessionId, "error", "Terminal mode needs a telnet or ws_telnet session", null));
            return;
        }
        Optional<ClusterDirectory> cluster = others.cluster();
        String node = OtherNodes.nodeOf(info);
        SessionWatch fresh = new SessionWatch(sessionId);
        boolean[] refused = new boolean[1];
        watching.add(sessionId);
        SessionWatch watch = watches.compute(sessionId, (id, existing) -> {
            SessionWatch tap = existing != null ? existing : fresh;
            tap.add(viewer, mode);
            if (existing == null) {
                Optional<RemoteMonitoring.Watch> relay = cluster.flatMap(c -> c.monitoring().watch(node, id,
                        tap.wantsLines(), tap.wantsTerminal(), tap, end -> remoteEnded(tap, info, end)));
                if (relay.isEmpty()) {
                    refused[0] = true;
                    return null;
                }
                tap.remote(relay.get());
            } else if (tap.remote() != null) {
                tap.remote().streams(tap.wantsLines(), tap.wantsTerminal());
            }
            return tap;
        });
        if (refused[0]) {
            watching.remove(sessionId);
            viewer.send(watchResponse(sessionId, "error", "Cannot watch more sessions of other nodes now "
                    + "(limit reached, or the cluster is degraded)", null));
            return;
        }
        if (!viewers.containsKey(viewer)) {
            watching.remove(sessionId);
            unwatch(viewer, sessionId);
            return;
        }
        // A new relay brings the size from the session's node; a running one's last size is told now.
        Optional<MonitorMessage> size = watch != fresh ? watch.lastSize() : Optional.empty();
        LOG.info("Viewer started watching session {} on node {}{}", sessionId, node,
                mode == SessionWatch.Mode.TERMINAL ? " (terminal)" : "");
        viewer.send(watchResponse(sessionId, "success", null, mode == SessionWatch.Mode.TERMINAL ? "terminal" : null));
        if (mode == SessionWatch.Mode.TERMINAL) {
            size.ifPresent(viewer::send);
        }
    }

    /** A remote watch ended by itself: its viewers hear why, as they would for a session of this node. */
    private void remoteEnded(SessionWatch watch, SessionInfo info, RemoteMonitoring.End end) {
        String sessionId = info.id();
        if (!watches.remove(sessionId, watch)) {
            return;
        }
        Set<Viewer> watchers = watch.viewers();
        for (Viewer viewer : watchers) {
            Set<String> watching = viewers.get(viewer);
            if (watching != null) {
                watching.remove(sessionId);
            }
        }
        String node = OtherNodes.nodeOf(info);
        MonitorMessage message = switch (end) {
            case SESSION_ENDED -> MonitorMessage.of(MonitorMessage.message("session_ended", "session",
                    SessionDescription.remote(info, "disconnected")));
            case NODE_UNREACHABLE -> watchResponse(sessionId, "stopped", "Node " + node + " is out of reach", null);
            case REFUSED -> watchResponse(sessionId, "stopped", "Node " + node
                    + " already serves its limit of remote watches", null);
        };
        LOG.info("Watch of session {} on node {} ended: {}", sessionId, node, end);
        watchers.forEach(viewer -> viewer.send(message));
    }

    private void stopWatching(Viewer viewer, String sessionId) {
        Set<String> watching = viewers.get(viewer);
        if (watching == null || sessionId == null || !watching.remove(sessionId)) {
            viewer.send(watchResponse(sessionId, "error", "Not watching this session", null));
            return;
        }
        unwatch(viewer, sessionId);
        viewer.send(watchResponse(sessionId, "stopped", null, null));
    }

    private void unwatch(Viewer viewer, String sessionId) {
        watches.computeIfPresent(sessionId, (id, watch) -> {
            RemoteMonitoring.Watch relay = watch.remote();
            if (!watch.remove(viewer)) {
                if (relay != null) {
                    relay.streams(watch.wantsLines(), watch.wantsTerminal());
                }
                return watch;
            }
            if (relay != null) {
                relay.stop();
            } else {
                registry.find(id).ifPresent(session -> session.removeTap(watch));
            }
            return null;
        });
    }

    @Override
    public void sessionStarted(Session session) {
        newestSessionId = session.id();
        broadcast(MonitorMessage.of(MonitorMessage.message("session_started", "session", describe(session, "connected", Instant.now(), others.self().orElse(null)))));
    }

    @Override
    public void sessionEnded(Session session) {
        watches.remove(session.id());
        for (Set<String> watching : viewers.values()) {
            watching.remove(session.id());
        }
        broadcast(MonitorMessage.of(MonitorMessage.message("session_ended", "session", describe(session, "disconnected", Instant.now(), others.self().orElse(null)))));
    }

    private void broadcast(MonitorMessage message) {
        synchronized (broadcastLock) {
            for (Viewer viewer : viewers.keySet()) {
                viewer.send(message);
            }
        }
    }

    private Map<String, Object> describe(Session session, String status, Instant now, String node) {
        return SessionDescription.of(session, status, session.id().equals(newestSessionId), now, node);
    }

    private static MonitorMessage watchResponse(String sessionId, String status, String error, String mode) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "watch_response");
        message.put("session_id", sessionId);
        message.put("status", status);
        if (mode != null) {
            message.put("mode", mode);
        }
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
