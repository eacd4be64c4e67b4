package io.chuk.protocol.monitor;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message for viewers, serialised once however many viewers get it: every viewer queues the
 * same text, and {@link #bytes()} is what it counts against a viewer's byte bound.
 *
 * @param json  the message text
 * @param bytes its UTF-8 length on the wire
 */
public record MonitorMessage(String json, int bytes) {

    /** Serialises a message (maps keep their order: {@code type} first). */
    static MonitorMessage of(Map<String, Object> message) {
        String json = Json.write(message);
        return new MonitorMessage(json, utf8Length(json));
    }

    /** {@code {"type": type, key: value}}. */
    static Map<String, Object> message(String type, String key, Object value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put(key, value);
        return message;
    }

    /** {@code client_input} or {@code server_message}: one piece of a watched session's traffic. */
    static MonitorMessage traffic(String type, String sessionId, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("session_id", sessionId);
        message.put("data", Map.of("text", text));
        return of(message);
    }

    /** {@code terminal_output}: bytes a telnet client's terminal received, as base64. */
    static MonitorMessage terminalOutput(String sessionId, byte[] bytes) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "terminal_output");
        message.put("session_id", sessionId);
        message.put("data", Base64.getEncoder().encodeToString(bytes));
        return of(message);
    }

    /** {@code terminal_size}: a watched telnet session's window size. */
    static MonitorMessage terminalSize(String sessionId, int width, int height) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "terminal_size");
        message.put("session_id", sessionId);
        message.put("width", width);
        message.put("height", height);
        return of(message);
    }

    /** The UTF-8 length of {@link Json} output, which never holds a surrogate (they are escaped). */
    private static int utf8Length(String json) {
        int bytes = json.length();
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x80) {
                bytes += c >= 0x800 ? 2 : 1;
            }
        }
        return bytes;
    }
}
