package io.chuk.protocol.telnet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.chuk.protocol.telnet.TelnetCommand.CHARSET_ACCEPTED;
import static io.chuk.protocol.telnet.TelnetCommand.CHARSET_REJECTED;
import static io.chuk.protocol.telnet.TelnetCommand.CHARSET_REQUEST;
import static io.chuk.protocol.telnet.TelnetCommand.CHARSET_TTABLE_IS;
import static io.chuk.protocol.telnet.TelnetCommand.CHARSET_TTABLE_REJECTED;

/**
 * The CHARSET sub-negotiation (RFC 2066) of one connection, as pure bodies in and out: our one
 * REQUEST, the client's REQUEST (accepted only for UTF-8), ACCEPTED, REJECTED and TTABLE-IS
 * (always refused). The engine frames the bodies and tells whether CHARSET is enabled.
 */
final class CharsetNegotiation {

    /** Character sets we offer in our CHARSET REQUEST, most preferred first. */
    static final List<String> OFFERED_CHARSETS = List.of("UTF-8", "US-ASCII");

    private static final byte[] TTABLE = "[TTABLE]".getBytes(StandardCharsets.US_ASCII);

    private boolean requested;
    private boolean requestOutstanding;
    private String agreed;

    /** The agreed character set, or {@code null}. */
    String agreed() {
        return agreed;
    }

    /** The body of our REQUEST the first time it is asked for, else {@code null}. */
    byte[] request() {
        if (requested) {
            return null;
        }
        requested = true;
        requestOutstanding = true;
        return body(CHARSET_REQUEST, (";" + String.join(";", OFFERED_CHARSETS)).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A sub-negotiation body from the client ({@code length} bytes of {@code sb}, at least one);
     * returns the body to answer with, or {@code null} for none. {@code negotiated}: CHARSET is
     * enabled on either side, without which a REQUEST or TTABLE-IS is ignored.
     */
    byte[] receive(byte[] sb, int length, boolean negotiated) {
        switch (sb[0] & 0xFF) {
            case CHARSET_REQUEST -> {
                if (!negotiated) {
                    return null;
                }
                if (requestOutstanding) {
                    return new byte[] {(byte) CHARSET_REJECTED}; // both sides asked at once: ours stands
                }
                String chosen = chooseUtf8(sb, length);
                if (chosen == null) {
                    return new byte[] {(byte) CHARSET_REJECTED};
                }
                agreed = "UTF-8";
                return body(CHARSET_ACCEPTED, chosen.getBytes(StandardCharsets.ISO_8859_1));
            }
            case CHARSET_ACCEPTED -> {
                if (requestOutstanding) {
                    requestOutstanding = false;
                    String accepted = new String(sb, 1, length - 1, StandardCharsets.ISO_8859_1).trim();
                    for (String offered : OFFERED_CHARSETS) {
                        if (offered.equalsIgnoreCase(accepted)) {
                            agreed = offered;
                        }
                    }
                }
                return null;
            }
            case CHARSET_REJECTED -> {
                requestOutstanding = false;
                return null;
            }
            case CHARSET_TTABLE_IS -> {
                return negotiated ? new byte[] {(byte) CHARSET_TTABLE_REJECTED} : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The client's spelling of UTF-8 in a REQUEST body, or null. */
    private static String chooseUtf8(byte[] sb, int length) {
        int i = 1;
        if (length - i >= TTABLE.length + 1 && startsWith(sb, i, TTABLE)) {
            i += TTABLE.length + 1; // "[TTABLE]" and its version byte
        }
        if (i >= length) {
            return null;
        }
        byte separator = sb[i++];
        int start = i;
        for (; i <= length; i++) {
            if (i == length || sb[i] == separator) {
                String name = new String(sb, start, i - start, StandardCharsets.ISO_8859_1).trim();
                if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8")) {
                    return name;
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] a, int from, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (a[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] body(int kind, byte[] rest) {
        byte[] body = new byte[rest.length + 1];
        body[0] = (byte) kind;
        System.arraycopy(rest, 0, body, 1, rest.length);
        return body;
    }
}
