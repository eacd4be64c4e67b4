package io.chuk.protocol.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Small helpers shared by the telnet tests. */
final class T {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int GA = 249;
    static final int EL = 248;
    static final int EC = 247;
    static final int AYT = 246;
    static final int AO = 245;
    static final int IP = 244;
    static final int BRK = 243;
    static final int DM = 242;
    static final int NOP = 241;
    static final int SE = 240;

    private T() {
    }

    /** Bytes from ints (0..255) and strings (UTF-8). */
    static byte[] b(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer) {
                out.write((Integer) p);
            } else if (p instanceof String) {
                byte[] s = ((String) p).getBytes(StandardCharsets.UTF_8);
                out.write(s, 0, s.length);
            } else if (p instanceof byte[]) {
                byte[] s = (byte[]) p;
                out.write(s, 0, s.length);
            } else {
                throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    static void assertBytes(byte[] expected, byte[] actual) {
        assertEquals(hex(expected), hex(actual));
    }

    static TelnetEngine engine(Recorder r) {
        return new TelnetEngine(TelnetSettings.defaults(), r);
    }

    /** Feeds {@code stream} to a fresh engine in chunks cut at the given (sorted) positions. */
    static Recorder feedSplit(byte[] stream, int... cuts) {
        Recorder r = new Recorder();
        TelnetEngine e = engine(r);
        int prev = 0;
        for (int cut : cuts) {
            e.receive(stream, prev, cut - prev);
            prev = cut;
        }
        e.receive(stream, prev, stream.length - prev);
        return r;
    }

    /**
     * Checks that {@code out} is well-formed telnet output: each IAC starts a complete command
     * (a 2-byte command, a 3-byte negotiation, or {@code IAC SB opt ... IAC SE} where any IAC in
     * the body is doubled). Returns an error message, or null.
     */
    static String malformed(byte[] out) {
        int i = 0;
        while (i < out.length) {
            int c = out[i] & 0xFF;
            if (c != IAC) {
                i++;
                continue;
            }
            if (i + 1 >= out.length) {
                return "lone IAC at end, offset " + i;
            }
            int cmd = out[i + 1] & 0xFF;
            if (cmd >= WILL && cmd <= DONT) {
                if (i + 2 >= out.length) {
                    return "truncated negotiation at " + i;
                }
                i += 3;
            } else if (cmd == SB) {
                if (i + 2 >= out.length) {
                    return "truncated SB at " + i;
                }
                int j = i + 3;
                boolean closed = false;
                while (j < out.length) {
                    int d = out[j] & 0xFF;
                    if (d == IAC) {
                        if (j + 1 >= out.length) {
                            return "lone IAC in SB at " + j;
                        }
                        int n = out[j + 1] & 0xFF;
                        if (n == SE) {
                            closed = true;
                            j += 2;
                            break;
                        } else if (n == IAC) {
                            j += 2;
                        } else {
                            return "IAC " + n + " inside SB at " + j;
                        }
                    } else {
                        j++;
                    }
                }
                if (!closed) {
                    return "unterminated SB at " + i;
                }
                i = j;
            } else if (cmd == SE) {
                return "SE outside SB at " + i;
            } else if (cmd >= NOP && cmd <= GA) {
                i += 2;
            } else {
                return "IAC followed by " + cmd + " at " + i;
            }
        }
        return null;
    }
}
