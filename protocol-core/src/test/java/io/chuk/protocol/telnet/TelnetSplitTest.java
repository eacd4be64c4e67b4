package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.T.AYT;
import static io.chuk.protocol.telnet.T.DO;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.IP;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.WILL;
import static io.chuk.protocol.telnet.T.b;
import static io.chuk.protocol.telnet.T.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A stream split at any byte boundary, or at any two, means exactly what the whole stream means. */
class TelnetSplitTest {

    private static final byte[] WILL_TTYPE = b(IAC, WILL, 24);
    private static final byte[] TTYPE_IS = b(IAC, SB, 24, 0, "xterm-256color", IAC, SE);
    private static final byte[] NAWS_FF = b(IAC, SB, 31, IAC, IAC, IAC, IAC, 0, 40, IAC, SE);
    private static final byte[] DATA_IAC = b("a", IAC, IAC, "b", IAC, IAC, IAC, IAC, "c");
    private static final byte[] SESSION = b("hi", IAC, DO, 1, IAC, WILL, 24, IAC, WILL, 31, IAC, SB, 24, 0, "xterm",
            IAC, SE, "\r", 0, IAC, AYT, IAC, SB, 31, 0, IAC, IAC, 0, 40, IAC, SE, "x", IAC, IAC, "é\r\n", IAC, IP,
            IAC, SB, 24, 0, "XTERM-256COLOR", IAC, SE, IAC, WILL, 39, IAC, SB, 39, 0, 0, "USER", 1, "u", IAC, SE,
            IAC, DO, 42, IAC, SB, 42, 2, "UTF-8", IAC, SE, IAC, "A", "\r", IAC, SB, 99, 1, IAC, 241, "z", IAC, DO, 6);

    /** What one engine (after start()) reports for the stream cut at the given positions. */
    private static Recording run(byte[] stream, int... cuts) {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        int prev = 0;
        for (int cut : cuts) {
            e.receive(stream, prev, cut - prev);
            prev = cut;
        }
        e.receive(stream, prev, stream.length - prev);
        return new Recording(r.eventStrings(), hex(r.sentBytes()), e.terminalInfo().toString());
    }

    private record Recording(List<String> events, String sent, String info) {
    }

    private static void assertSplitInvariant(byte[] stream) {
        Recording whole = run(stream);
        for (int i = 0; i <= stream.length; i++) {
            assertEquals(whole, run(stream, i), "split at " + i);
            for (int j = i; j <= stream.length; j++) {
                assertEquals(whole, run(stream, i, j), "split at " + i + " and " + j);
            }
        }
        int[] everyByte = new int[stream.length];
        for (int i = 0; i < stream.length; i++) {
            everyByte[i] = i;
        }
        assertEquals(whole, run(stream, everyByte), "byte by byte");
    }

    @Test
    void willTerminalType() {
        Recording whole = run(WILL_TTYPE);
        assertEquals(List.of("seen", "opt:remote:TTYPE:true"), whole.events());
        assertSplitInvariant(WILL_TTYPE);
    }

    @Test
    void terminalTypeIs() {
        Recording whole = run(TTYPE_IS);
        assertEquals(List.of("seen", "ttype:xterm-256color"), whole.events());
        assertSplitInvariant(TTYPE_IS);
    }

    @Test
    void windowSizeWithFf() {
        Recording whole = run(NAWS_FF);
        assertEquals(List.of("seen", "naws:65535x40"), whole.events());
        assertSplitInvariant(NAWS_FF);
    }

    @Test
    void dataWithEscapedIac() {
        Recording whole = run(DATA_IAC);
        assertEquals(List.of("data:61ff62ffff63"), whole.events());
        assertSplitInvariant(DATA_IAC);
    }

    @Test
    void aWholeSession() {
        Recording whole = run(SESSION);
        assertFalse(whole.events().isEmpty());
        assertEquals(List.of("data:6869", "seen", "opt:local:ECHO:true", "opt:remote:TTYPE:true",
                "opt:remote:NAWS:true", "ttype:xterm", "data:0d", "naws:255x40", "data:78ffc3a90d0a", "IP",
                "opt:remote:NEW-ENVIRON:true", "env:{USER=u}", "opt:local:CHARSET:true", "charset:UTF-8",
                "data:410d7a"), whole.events());
        assertSplitInvariant(SESSION);
    }
}
