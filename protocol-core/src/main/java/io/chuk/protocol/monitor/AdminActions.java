package io.chuk.protocol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's actions on sessions ({@code kick_session}, {@code send_line}, {@code broadcast},
 * {@code inject_input}), each answered with one {@code admin_result}. Only a viewer that presented
 * the {@code monitor_token} may act: without a configured token nobody can, since anyone who
 * reaches the monitor port could otherwise take over other people's sessions. Every action and
 * every refusal is logged with the viewer's address and the target.
 */
final class AdminActions {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.monitor");

    static final Set<String> TYPES = Set.of("kick_session", "send_line", "broadcast", "inject_input");
    /** The longest text an action may carry. */
    static final int MAX_TEXT_CHARS = 4096;
    static final String DEFAULT_KICK_MESSAGE = "You have been disconnected by an operator.";
    static final String TOKEN_REQUIRED = "Admin actions need the monitor token (set monitor_token and connect with it)";
    static final String SESSION_NOT_FOUND = "Session not found";

    private final SessionRegistry registry;
    private final SessionDirectory directory;

    AdminActions(SessionRegistry registry, SessionDirectory directory) {
        this.registry = registry;
        this.directory = directory;
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
                result.put("sessions", directory.broadcast(text(request, "text")));
                return null;
            }
            case "send_line" -> {
                // Through the directory, so the handler's onNotice shows it as it shows other sessions' lines.
                return directory.sendLine(sessionId, text(request, "text")) ? null : SESSION_NOT_FOUND;
            }
            default -> {
                Optional<ProtocolSession> found = registry.find(sessionId).filter(ProtocolSession::isOpen);
                if (found.isEmpty()) {
                    return SESSION_NOT_FOUND;
                }
                if ("kick_session".equals(action)) {
                    String message = text(request, "message");
                    found.get().closeWithMessage(message != null ? message : DEFAULT_KICK_MESSAGE);
                } else {
                    inject(found.get(), text(request, "text"));
                }
                return null;
            }
        }
    }

    /**
     * Input as if the session's user typed it, through the transport's own entry: one message on
     * {@code websocket}, bytes elsewhere (UTF-8 never holds 0xFF, so telnet needs no IAC escaping).
     */
    private static void inject(ProtocolSession session, String text) {
        if (session.transport() == Transport.WEBSOCKET) {
            session.receiveMessage(text);
        } else {
            session.receive(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String target(String action, String sessionId) {
        return "broadcast".equals(action) ? "all sessions" : "session " + sessionId;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
