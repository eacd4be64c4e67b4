package io.chuk.protocol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's actions on sessions ({@code kick_session}, {@code send_line}, {@code broadcast},
 * {@code inject_input}), each answered with one {@code admin_result}. Only a viewer that presented
 * the {@code monitor_token} may act: without a configured token nobody can, since anyone who
 * reaches the monitor port could otherwise take over other people's sessions. Every action and
 * every refusal is logged with the viewer's address and the target. In a cluster, an action on
 * another node's session is sent to that node, and answered {@code ok} once sent.
 */
final class AdminActions {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    static final Set<String> TYPES = Set.of("kick_session", "send_line", "broadcast", "inject_input");
    /** The longest text an action may carry. */
    static final int MAX_TEXT_CHARS = SessionActions.MAX_TEXT_CHARS;
    static final String DEFAULT_KICK_MESSAGE = "You have been disconnected by an operator.";
    static final String TOKEN_REQUIRED = "Admin actions need the monitor token (set monitor_token and connect with it)";
    static final String SESSION_NOT_FOUND = "Session not found";

    private final SessionRegistry registry;
    /** The process's directory at the time of each action: the cluster's once the node has joined one. */
    private final java.util.function.Supplier<SessionDirectory> directory;
    private final OtherNodes others;

    AdminActions(SessionRegistry registry, java.util.function.Supplier<SessionDirectory> directory, OtherNodes others) {
        this.registry = registry;
        this.directory = directory;
        this.others = others;
    }

    /** Performs one action of {@link #TYPES}; the answer is the {@code admin_result} for the viewer. */
    MonitorMessage perform(Viewer viewer, String action, JsonNode request) {
        String sessionId = text(request, "session_id");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "admin_result");
        result.put("action", action);
        if (!"broadcast".equals(action)) {
            result.put("session_id", sessionId);
        }
        String error;
        if (!viewer.admin()) {
            LOG.warn("Refused {} on {} from monitor viewer {}: no monitor token", action, target(action, sessionId), viewer.remoteAddress());
            error = TOKEN_REQUIRED;
        } else {
            error = check(action, request, sessionId);
            if (error == null) {
                error = run(action, request, sessionId, result);
            }
            if (error == null) {
                LOG.info("Monitor viewer {}: {} on {}", viewer.remoteAddress(), action, target(action, sessionId));
            } else {
                LOG.info("Monitor viewer {}: {} on {} failed: {}", viewer.remoteAddress(), action, target(action, sessionId), error);
            }
        }
        result.put("status", error == null ? "ok" : "error");
        if (error != null) {
            result.put("error", error);
        }
        return MonitorMessage.of(result);
    }

    /** What is wrong with the request's fields, or null. */
    private static String check(String action, JsonNode request, String sessionId) {
        if (!"broadcast".equals(action) && sessionId == null) {
            return "session_id (a string) is required";
        }
        String field = "kick_session".equals(action) ? "message" : "text";
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return "kick_session".equals(action) ? null : field + " (a string) is required";
        }
        if (!value.isTextual()) {
            return field + " must be a string";
        }
        if (value.textValue().length() > MAX_TEXT_CHARS) {
            return field + " is longer than " + MAX_TEXT_CHARS + " characters";
        }
        return null;
    }

    /** Acts; returns the error, or null with the result filled in. */
    private String run(String action, JsonNode request, String sessionId, Map<String, Object> result) {
        switch (action) {
            case "broadcast" -> {
                result.put("sessions", directory.get().broadcast(text(request, "text")));
                return null;
            }
            case "send_line" -> {
                // Through the directory, so the handler's onNotice shows it as it shows other sessions' lines.
                return directory.get().sendLine(sessionId, text(request, "text")) ? null : SESSION_NOT_FOUND;
            }
            default -> {
                boolean kick = "kick_session".equals(action);
                String text = kick ? Objects.requireNonNullElse(text(request, "message"), DEFAULT_KICK_MESSAGE)
                        : text(request, "text");
                Optional<ProtocolSession> found = registry.find(sessionId).filter(ProtocolSession::isOpen);
                if (found.isPresent()) {
                    SessionActions.apply(kick, found.get(), text);
                    return null;
                }
                return remote(kick, sessionId, text);
            }
        }
    }

    /** The action sent to the node of another node's session; the error, or null once sent. */
    private String remote(boolean kick, String sessionId, String text) {
        Optional<SessionInfo> info = others.find(sessionId);
        Optional<ClusterDirectory> cluster = others.cluster();
        if (info.isEmpty() || cluster.isEmpty()) {
            return SESSION_NOT_FOUND;
        }
        String node = OtherNodes.nodeOf(info.get());
        RemoteMonitoring monitoring = cluster.get().monitoring();
        boolean sent = kick ? monitoring.kick(node, sessionId, text)
                : monitoring.inject(node, sessionId, text);
        return sent ? null : "Node " + node + " is out of reach";
    }

    private static String target(String action, String sessionId) {
        return "broadcast".equals(action) ? "all sessions" : "session " + sessionId;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
