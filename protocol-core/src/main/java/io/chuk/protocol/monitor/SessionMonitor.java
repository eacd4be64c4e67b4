package io.chuk.protocol.monitor;

import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.Session;
import io.chuk.protocol.session.SessionListener;
import io.chuk.protocol.session.SessionRegistry;
import io.chuk.protocol.session.SessionTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live session monitor behind {@code /monitor}, speaking the original's JSON protocol for the
 * sessions of every server entry and transport of the process.
 *
 * <p>Viewers receive {@code active_sessions} when they attach, then {@code session_started} and
 * {@code session_ended} (exactly once per session) for everything, and {@code client_input} /
 * {@code server_message} for the sessions they {@code watch_session}. Every request gets a reply.
 * Events are handed to each viewer's {@link Viewer} without blocking; a viewer that cannot keep up
 * is dropped by its transport, never slowing a session.
 */
public final class SessionMonitor implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    /** Where a viewer's messages go. Implementations queue (bounded) and never block. */
    public interface Viewer {
        void send(String json);
    }

    private final SessionRegistry registry;
    private final Map<Viewer, Map<String, SessionTap>> viewers = new ConcurrentHashMap<>();
    private volatile String newestSessionId;

    public SessionMonitor(SessionRegistry registry) {
        this.registry = registry;
        registry.addListener(this);
    }

    /** A viewer connected: it gets {@code active_sessions}. */
    public void attach(Viewer viewer) {
        viewers.put(viewer, new ConcurrentHashMap<>());
        List<Object> sessions = new ArrayList<>();
        for (ProtocolSession session : registry.sessions()) {
            sessions.add(describe(session, "connected"));
        }
        viewer.send(Json.write(message("active_sessions", "sessions", sessions)));
        LOG.info("Monitor viewer attached ({} viewer(s))", viewers.size());
    }

    /** A viewer left: it stops watching everything. */
    public void detach(Viewer viewer) {
        Map<String, SessionTap> watching = viewers.remove(viewer);
        if (watching != null) {
            watching.forEach((id, tap) -> registry.find(id).ifPresent(session -> session.removeTap(tap)));
            LOG.info("Monitor viewer detached ({} viewer(s))", viewers.size());
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
        Map<String, SessionTap> watching = viewers.get(viewer);
        Optional<ProtocolSession> session = sessionId == null ? Optional.empty() : registry.find(sessionId);
        if (watching == null || session.isEmpty()) {
            viewer.send(watchResponse(sessionId, "error", "Session not found"));
            return;
        }
        watching.computeIfAbsent(sessionId, key -> {
            SessionTap tap = new SessionTap() {
                @Override
                public void input(String text) {
                    viewer.send(Json.write(traffic("client_input", sessionId, text)));
                }

                @Override
                public void output(String text) {
                    viewer.send(Json.write(traffic("server_message", sessionId, text)));
                }
            };
            session.get().addTap(tap);
            return tap;
        });
        LOG.info("Viewer started watching session {}", sessionId);
        viewer.send(watchResponse(sessionId, "success", null));
    }

    private void stopWatching(Viewer viewer, String sessionId) {
        Map<String, SessionTap> watching = viewers.get(viewer);
        SessionTap tap = watching == null || sessionId == null ? null : watching.remove(sessionId);
        if (tap == null) {
            viewer.send(watchResponse(sessionId, "error", "Not watching this session"));
            return;
        }
        registry.find(sessionId).ifPresent(session -> session.removeTap(tap));
        viewer.send(watchResponse(sessionId, "stopped", null));
    }

    @Override
    public void sessionStarted(Session session) {
        newestSessionId = session.id();
        broadcast(Json.write(message("session_started", "session", describe(session, "connected"))));
    }

    @Override
    public void sessionEnded(Session session) {
        for (Map<String, SessionTap> watching : viewers.values()) {
            watching.remove(session.id());
        }
        broadcast(Json.write(message("session_ended", "session", describe(session, "disconnected"))));
    }

    private void broadcast(String json) {
        for (Viewer viewer : viewers.keySet()) {
            viewer.send(json);
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

    private static Map<String, Object> message(String type, String key, Object value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put(key, value);
        return message;
    }

    private static Map<String, Object> traffic(String type, String sessionId, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("session_id", sessionId);
        message.put("data", Map.of("text", text));
        return message;
    }

    private static String watchResponse(String sessionId, String status, String error) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "watch_response");
        message.put("session_id", sessionId);
        message.put("status", status);
        if (error != null) {
            message.put("error", error);
        }
        return Json.write(message);
    }

    private static String error(String reason) {
        return Json.write(message("error", "error", reason));
    }

}
