package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.T.DO;
import static io.chuk.protocol.telnet.T.DONT;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.WILL;
import static io.chuk.protocol.telnet.T.WONT;
import static io.chuk.protocol.telnet.T.assertBytes;
import static io.chuk.protocol.telnet.T.b;
import static io.chuk.protocol.telnet.TelnetOption.CHARSET;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.NEW_ENVIRON;
import static io.chuk.protocol.telnet.TelnetOption.TTYPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** TTYPE cycling, NAWS, NEW-ENVIRON and CHARSET. */
class TelnetSubnegotiationTest {

    private static final byte[] TTYPE_SEND = b(IAC, SB, TTYPE, 1, IAC, SE);
    private static final byte[] ENV_SEND = b(IAC, SB, NEW_ENVIRON, 1, IAC, SE);
    private static final byte[] CHARSET_REQUEST = b(IAC, SB, CHARSET, 1, ";UTF-8;US-ASCII", IAC, SE);

    private static byte[] ttypeIs(String name) {
        return b(IAC, SB, TTYPE, 0, name, IAC, SE);
    }

    private Recorder r;
    private TelnetEngine e;

    private void connect(TelnetSettings settings) {
        r = new Recorder();
        e = new TelnetEngine(settings, r);
        e.start();
    }

    private void connect() {
        connect(TelnetSettings.defaults());
    }

    // ------------------------------------------------------------------ TTYPE

    @Test
    void terminalTypeCyclingStopsOnRepeat() {
        connect();
        e.receive(b(IAC, WILL, TTYPE));
        assertBytes(TTYPE_SEND, r.sentBytes());
        r.clearSent();
        e.receive(ttypeIs("xterm"));
        assertEquals("xterm", e.terminalType());
        // asks again, and now (TTYPE answered) brings up NEW-ENVIRON and CHARSET
        assertBytes(b(TTYPE_SEND, IAC, DO, NEW_ENVIRON, IAC, WILL, CHARSET), r.sentBytes());
        r.clearSent();
        e.receive(ttypeIs("XTERM-256COLOR"));
        assertBytes(TTYPE_SEND, r.sentBytes());
        r.clearSent();
        e.receive(ttypeIs("MTTS 137"));
        assertBytes(TTYPE_SEND, r.sentBytes());
        r.clearSent();
        e.receive(ttypeIs("MTTS 137"));
        assertEquals(0, r.sentBytes().length, "the repeat ends the list");
        assertEquals(List.of("xterm", "XTERM-256COLOR", "MTTS 137"), e.terminalInfo().terminalTypes());
        assertEquals("xterm", e.terminalInfo().terminalType());
        assertEquals(List.of("ttype:xterm"), r.namedEvents().stream().filter(s -> s.startsWith("ttype")).toList());
        assertEquals(4, e.terminalTypeQueries());
    }

    @Test
    void terminalTypeCyclingStopsWhenTheListWraps() {
        connect();
        e.receive(b(IAC, WILL, TTYPE));
        e.receive(ttypeIs("ANSI"));
        e.receive(ttypeIs("VT100"));
        r.clearSent();
        e.receive(ttypeIs("ansi")); // back to the first (names are case-insensitive)
        assertEquals(0, r.sentBytes().length);
        assertEquals(List.of("ANSI", "VT100"), e.terminalInfo().terminalTypes());
    }

    @Test
    void clientWithOneNameIsAskedTwice() {
        connect();
        e.receive(b(IAC, WILL, TTYPE));
        e.receive(ttypeIs("vt100"));
        r.clearSent();
        e.receive(ttypeIs("vt100"));
        assertEquals(0, r.sentBytes().length);
        assertEquals(2, e.terminalTypeQueries());
        assertEquals(List.of("vt100"), e.terminalInfo().terminalTypes());
    }

    @Test
    void endlessNamesAreAskedAtMostEightTimes() {
        connect();
        e.receive(b(IAC, WILL, TTYPE));
        for (int i = 0; i < 100; i++) {
            e.receive(ttypeIs("type-" + i));
        }
        assertEquals(8, e.terminalTypeQueries());
        int sends = 0;
        byte[] all = r.sentBytes();
        for (int i = 0; i + TTYPE_SEND.length <= all.length; i++) {
            if (java.util.Arrays.equals(all, i, i + TTYPE_SEND.length, TTYPE_SEND, 0, TTYPE_SEND.length)) {
                sends++;
            }
        }
        assertEquals(8, sends);
        assertTrue(e.terminalInfo().terminalTypes().size() <= 8);
        assertEquals("type-0", e.terminalType());
    }

    @Test
    void terminalTypeWithoutNegotiationIsAcceptedButNotCycled() {
        connect();
        e.receive(ttypeIs("xterm-256color"));
        assertEquals("xterm-256color", e.terminalType());
        assertEquals(0, e.terminalTypeQueries());
    }

    @Test
    void refusedTerminalTypeStartsFurtherNegotiation() {
        connect();
        e.receive(b(IAC, WONT, TTYPE));
        assertBytes(b(IAC, DO, NEW_ENVIRON, IAC, WILL, CHARSET), r.sentBytes());
        assertNull(e.terminalType());
    }

    @Test
    void nothingFurtherIsAskedBeforeTerminalTypeIsAnswered() {
        connect();
        e.receive(b(IAC, WILL, TTYPE, IAC, WILL, NAWS, IAC, WILL, NEW_ENVIRON, IAC, DO, CHARSET));
        // we accept the offers (Q method) but send no NEW-ENVIRON or CHARSET sub-negotiation yet
        assertBytes(b(TTYPE_SEND, IAC, DO, NEW_ENVIRON, IAC, WILL, CHARSET), r.sentBytes());
        r.clearSent();
        e.receive(ttypeIs("xterm"));
        assertBytes(b(TTYPE_SEND, ENV_SEND, CHARSET_REQUEST), r.sentBytes());
    }

    @Test
    void furtherNegotiationCanBeSwitchedOff() {
        connect(new TelnetSettings(1024, 8, false, false));
        e.receive(b(IAC, WONT, TTYPE));
        assertEquals(0, r.sentBytes().length);
        e.receive(b(IAC, DO, CHARSET));
        assertBytes(b(IAC, WONT, CHARSET), r.sentBytes());
    }

    // ------------------------------------------------------------------ NAWS

    @Test
    void windowSizeAndResizes() {
        connect();
        e.receive(b(IAC, WILL, NAWS, IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE));
        assertEquals(List.of("opt:remote:NAWS:true", "naws:80x24"), r.namedEvents());
        e.receive(b(IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE)); // same size: no event
        e.receive(b(IAC, SB, NAWS, 0, 132, 0, 50, IAC, SE));
        assertEquals(List.of("opt:remote:NAWS:true", "naws:80x24", "naws:132x50"), r.namedEvents());
        assertEquals(132, e.width());
        assertEquals(50, e.height());
        assertEquals(0, r.sentBytes().length); // NAWS reports are never answered
    }

    @Test
    void windowSizeWithFfBytes() {
        connect();
        e.receive(b(IAC, SB, NAWS, 0, IAC, IAC, 0, 40, IAC, SE));
        assertEquals(255, e.width());
        assertEquals(40, e.height());
        e.receive(b(IAC, SB, NAWS, 0, 120, 0, IAC, IAC, IAC, SE));
        assertEquals(120, e.width());
        assertEquals(255, e.height());
        e.receive(b(IAC, SB, NAWS, IAC, IAC, IAC, IAC, IAC, IAC, IAC, IAC, IAC, SE));
        assertEquals(65535, e.width());
        assertEquals(65535, e.height());
    }

    @Test
    void zeroDimensionMeansUnknown() {
        connect();
        e.receive(b(IAC, SB, NAWS, 0, 0, 0, 0, IAC, SE));
        assertEquals(80, e.width());
        assertEquals(24, e.height());
        e.receive(b(IAC, SB, NAWS, 0, 100, 0, 0, IAC, SE));
        assertEquals(100, e.width());
        assertEquals(24, e.height());
        e.receive(b(IAC, SB, NAWS, 0, 100, IAC, SE)); // too short: ignored
        assertEquals(100, e.width());
    }

    // ------------------------------------------------------------------ NEW-ENVIRON

    @Test
    void environmentIsAndInfo() {
        connect();
        e.receive(b(IAC, WONT, TTYPE, IAC, WILL, NEW_ENVIRON));
        assertTrue(new String(r.sentBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(ENV_SEND, java.nio.charset.StandardCharsets.ISO_8859_1)));
        e.receive(b(IAC, SB, NEW_ENVIRON, 0, 0, "USER", 1, "alice", 3, "LANG", 1, "en_US.UTF-8", 0, "DISPLAY",
                IAC, SE));
        assertEquals(Map.of("USER", "alice", "LANG", "en_US.UTF-8"), e.terminalInfo().environment());
        assertEquals("env:{USER=alice, LANG=en_US.UTF-8}",
                r.namedEvents().stream().filter(s -> s.startsWith("env")).findFirst().orElseThrow());
        // INFO: update one, undefine one, add one
        e.receive(b(IAC, SB, NEW_ENVIRON, 2, 0, "USER", 1, "bob", 3, "LANG", 0, "TERM", 1, "", IAC, SE));
        assertEquals(Map.of("USER", "bob", "TERM", ""), e.terminalInfo().environment());
    }

    @Test
    void environmentEscapesAndIacs() {
        connect();
        e.receive(b(IAC, SB, NEW_ENVIRON, 0, 3, "A", 2, 1, "B", 1, "x", 2, 0, "y", 2, 2, IAC, IAC, IAC, SE));
        assertEquals(Map.of("A\u0001B", "x\u0000y\u0002\ufffd"), e.terminalInfo().environment());
    }

    @Test
    void environmentBounds() {
        connect();
        StringBuilder longName = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            longName.append('n');
        }
        e.receive(b(IAC, SB, NEW_ENVIRON, 0, 0, longName.toString(), 1, "v", 0, "OK", 1, "1", IAC, SE));
        assertEquals(Map.of("OK", "1"), e.terminalInfo().environment());

        StringBuilder longValue = new StringBuilder();
        for (int i = 0; i < 1025; i++) {
            longValue.append('v');
        }
        TelnetEngine big = new TelnetEngine(new TelnetSettings(4096, 8, true, true), new Recorder());
        big.receive(b(IAC, SB, NEW_ENVIRON, 0, 0, "X", 1, longValue.toString(), 0, "Y", 1,
                longValue.substring(1), IAC, SE));
        assertEquals(Map.of("Y", longValue.substring(1)), big.terminalInfo().environment());

        // at most 32 variables
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0);
        for (int i = 0; i < 50; i++) {
            body.write(3);
            body.writeBytes(("V" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(1);
            body.write('x');
        }
        e.receive(b(IAC, SB, NEW_ENVIRON, body.toByteArray(), IAC, SE));
        assertEquals(32, e.terminalInfo().environment().size());
        e.receive(b(IAC, SB, NEW_ENVIRON, 2, 3, "NEW", 1, "v", 3, "V0", 1, "y", IAC, SE));
        assertEquals(32, e.terminalInfo().environment().size());
        assertEquals("y", e.terminalInfo().environment().get("V0"));
        assertNull(e.terminalInfo().environment().get("NEW"));
    }

    @Test
    void environmentSendFromClientIsIgnored() {
        connect();
        r.clearSent();
        e.receive(b(IAC, SB, NEW_ENVIRON, 1, IAC, SE));
        assertEquals(0, r.sentBytes().length);
        assertTrue(e.terminalInfo().environment().isEmpty());
    }

    // ------------------------------------------------------------------ CHARSET

    @Test
    void charsetRequestedByUsAndAccepted() {
        connect();
        e.receive(b(IAC, WONT, TTYPE));
        r.clearSent();
        e.receive(b(IAC, DO, CHARSET));
        assertBytes(CHARSET_REQUEST, r.sentBytes());
        e.receive(b(IAC, SB, CHARSET, 2, "utf-8", IAC, SE));
        assertEquals("UTF-8", e.charset());
        assertEquals("UTF-8", e.terminalInfo().charset());
        assertTrue(r.namedEvents().contains("charset:UTF-8"));
    }

    @Test
    void charsetRejectedLeavesItUnknown() {
        connect();
        e.receive(b(IAC, WONT, TTYPE, IAC, DO, CHARSET, IAC, SB, CHARSET, 3, IAC, SE));
        assertNull(e.charset());
        // an ACCEPTED nobody asked for is ignored
        e.receive(b(IAC, SB, CHARSET, 2, "UTF-8", IAC, SE));
        assertNull(e.charset());
    }

    @Test
    void clientRequestIsAnsweredWithUtf8() {
        connect(new TelnetSettings(1024, 8, true, false));
        e.receive(b(IAC, WILL, CHARSET));
        assertBytes(b(IAC, DO, CHARSET), r.sentBytes());
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 1, " ISO-8859-1 utf-8 US-ASCII", IAC, SE));
        assertBytes(b(IAC, SB, CHARSET, 2, "utf-8", IAC, SE), r.sentBytes());
        assertEquals("UTF-8", e.charset());
    }

    @Test
    void clientRequestWithTtableAndWithoutUtf8() {
        connect(new TelnetSettings(1024, 8, true, false));
        e.receive(b(IAC, WILL, CHARSET));
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 1, "[TTABLE]", 1, ";KOI8-R;UTF-8", IAC, SE));
        assertBytes(b(IAC, SB, CHARSET, 2, "UTF-8", IAC, SE), r.sentBytes());
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 1, ";KOI8-R;CP437", IAC, SE));
        assertBytes(b(IAC, SB, CHARSET, 3, IAC, SE), r.sentBytes());
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 4, 1, IAC, SE)); // TTABLE-IS: we never asked for tables
        assertBytes(b(IAC, SB, CHARSET, 5, IAC, SE), r.sentBytes());
    }

    @Test
    void charsetRequestWithoutNegotiationIsIgnored() {
        connect();
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 1, ";UTF-8", IAC, SE));
        assertEquals(0, r.sentBytes().length);
        assertNull(e.charset());
    }

    @Test
    void crossingRequestsOursWins() {
        connect();
        e.receive(b(IAC, WONT, TTYPE, IAC, DO, CHARSET, IAC, WILL, CHARSET));
        r.clearSent();
        e.receive(b(IAC, SB, CHARSET, 1, ";UTF-8", IAC, SE));
        assertBytes(b(IAC, SB, CHARSET, 3, IAC, SE), r.sentBytes());
        e.receive(b(IAC, SB, CHARSET, 2, "UTF-8", IAC, SE));
        assertEquals("UTF-8", e.charset());
    }

    @Test
    void charsetRefusedByClient() {
        connect();
        e.receive(b(IAC, WONT, TTYPE));
        r.clearSent();
        e.receive(b(IAC, DONT, CHARSET, IAC, WONT, NEW_ENVIRON));
        assertEquals(0, r.sentBytes().length);
    }
}
