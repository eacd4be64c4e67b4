package io.chuk.protocol.telnet.mud;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * One GMCP message: {@code Package.Name} and, after one space, JSON text (empty when the message
 * has none, as {@code Core.Ping}). The body of {@code IAC SB GMCP ... IAC SE}, UTF-8.
 *
 * @param packageName printable ASCII without spaces, at most {@link #MAX_PACKAGE_LENGTH} characters
 * @param json        the JSON text, not checked here (see {@link Json#read}), or empty
 */
public record GmcpMessage(String packageName, String json) {

    /** Longest package name; real ones are like {@code Core.Supports.Set}. */
    public static final int MAX_PACKAGE_LENGTH = 128;

    public GmcpMessage {
        String problem = packageProblem(packageName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        json = json == null ? "" : json.strip();
    }

    /** Why {@code name} is not a GMCP package name, or null. */
    public static String packageProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the GMCP package name is empty";
        }
        if (name.length() > MAX_PACKAGE_LENGTH) {
            return "the GMCP package name is longer than " + MAX_PACKAGE_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~') {
                return "the GMCP package name has a space or a non-printable character at " + i;
            }
        }
        return null;
    }

    /**
     * Parses a sub-negotiation body.
     *
     * @throws IllegalArgumentException when it is not UTF-8 or has no valid package name
     */
    public static GmcpMessage parse(byte[] body, int off, int len) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the GMCP message is not UTF-8");
        }
        int space = indexOfWhitespace(text);
        return space < 0 ? new GmcpMessage(text, "") : new GmcpMessage(text.substring(0, space), text.substring(space + 1));
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The sub-negotiation body: package, space and JSON (or the package alone). */
    public byte[] body() {
        return (json.isEmpty() ? packageName : packageName + ' ' + json).getBytes(StandardCharsets.UTF_8);
    }
}
