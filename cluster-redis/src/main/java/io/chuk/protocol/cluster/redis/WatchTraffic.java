package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.session.SessionTap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the node of a remotely watched session publishes on the session's channel, as
 * {@link Message} records: {@code I}/{@code O} input and output text ({@code l}), {@code T}
 * terminal bytes ({@code b}, base64), {@code Z} the window size ({@code w}, {@code h}), {@code E}
 * the session ended (or is not there). Text and bytes are cut into
 * pieces of at most {@link #MAX_CHUNK}, so no message is larger than {@link #MAX_MESSAGE_CHARS};
 * a received message above that, or malformed, is ignored.
 */
final class WatchTraffic {

    static final String INPUT = "I";
    static final String OUTPUT = "O";
    static final String TERMINAL = "T";
    static final String SIZE = "Z";
    static final String ENDED = "E";
    /** Characters of text, or bytes of terminal output, in one message. */
    static final int MAX_CHUNK = 8192;
    /** The longest message accepted: a chunk URL-encoded (up to 9 characters per character) and the rest. */
    static final int MAX_MESSAGE_CHARS = 9 * MAX_CHUNK + 256;

    private WatchTraffic() {
    }

    /** Input ({@link #INPUT}) or output ({@link #OUTPUT}) text, in pieces that never split a surrogate pair. */
    static List<String> text(String node, String type, String text) {
        List<String> messages = new ArrayList<>();
        int at = 0;
        do {
            int end = Math.min(text.length(), at + MAX_CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            messages.add(Message.of(type, node).add("l", text.substring(at, end)).encode());
            at = end;
        } while (at < text.length());
        return messages;
    }

    static List<String> terminal(String node, byte[] bytes) {
        List<String> messages = new ArrayList<>();
        int at = 0;
        do {
            int end = Math.min(bytes.length, at + MAX_CHUNK);
            messages.add(Message.of(TERMINAL, node)
                    .add("b", Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, at, end))).encode());
            at = end;
        } while (at < bytes.length);
        return messages;
    }

    static String size(String node, int width, int height) {
        return Message.of(SIZE, node).add("w", Integer.toString(width)).add("h", Integer.toString(height)).encode();
    }

    static String ended(String node) {
        return Message.of(ENDED, node).encode();
    }

    /**
     * Hands one message from {@code node} to {@code tap}.
     *
     * @return how the watch ends, when the message says it does
     */
    static Optional<RemoteMonitoring.End> deliver(String text, String node, SessionTap tap) {
        if (text == null || text.length() > MAX_MESSAGE_CHARS) {
            return Optional.empty();
        }
        Fields message = Fields.decode(text);
        String type = message.get("t");
        if (type == null || !node.equals(message.get("n"))) {
            return Optional.empty();
        }
        String line = message.get("l");
        switch (type) {
            case INPUT -> {
                if (line != null) {
                    tap.input(line);
                }
            }
            case OUTPUT -> {
                if (line != null) {
                    tap.output(line);
                }
            }
            case TERMINAL -> decode(message.get("b")).ifPresent(tap::terminalOutput);
            case SIZE -> {
                try {
                    tap.windowSize(Integer.parseInt(message.get("w")), Integer.parseInt(message.get("h")));
                } catch (NumberFormatException e) {
                    // a malformed size is ignored like any malformed message
                }
            }
            case ENDED -> {
                return Optional.of(RemoteMonitoring.End.SESSION_ENDED);
            }
            default -> {
                // a type of a later version
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> decode(String base64) {
        if (base64 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
