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
import static io.chuk.protocol.telnet.OptionSide.NO;
import static io.chuk.protocol.telnet.OptionSide.WANTNO;
import static io.chuk.protocol.telnet.OptionSide.WANTYES;
import static io.chuk.protocol.telnet.OptionSide.YES;
import static io.chuk.protocol.telnet.TelnetOption.BINARY;
import static io.chuk.protocol.telnet.TelnetOption.CHARSET;
import static io.chuk.protocol.telnet.TelnetOption.ECHO;
import static io.chuk.protocol.telnet.TelnetOption.LINEMODE;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.NEW_ENVIRON;
import static io.chuk.protocol.telnet.TelnetOption.SGA;
import static io.chuk.protocol.telnet.TelnetOption.TIMING_MARK;
import static io.chuk.protocol.telnet.TelnetOption.TSPEED;
import static io.chuk.protocol.telnet.TelnetOption.TTYPE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The opening negotiation and RFC 1143 (Q method) replies. */
class TelnetNegotiationTest {

    private static final Set<Integer> LOCAL_ACCEPTED = Set.of(ECHO, SGA, BINARY, CHARSET);
    private static final Set<Integer> REMOTE_ACCEPTED = Set.of(TTYPE, NAWS, NEW_ENVIRON, BINARY, SGA, CHARSET);
    private static final int[] OPTIONS = {BINARY, ECHO, SGA, 5, TTYPE, NAWS, TSPEED, LINEMODE, 36, NEW_ENVIRON,
        CHARSET, 69, 99, 200, 254, 255};

    @Test
    void startSendsTheSixCommandsInOrder() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        byte[] start = e.start();
        assertBytes(b(0xFF, 0xFB, 0x01, 0xFF, 0xFB, 0x03, 0xFF, 0xFD, 0x03, 0xFF, 0xFD, 0x18, 0xFF, 0xFD, 0x1F,
                0xFF, 0xFC, 0x22), start);
        assertEquals(WANTYES, e.optionState(true, ECHO));
        assertEquals(WANTYES, e.optionState(true, SGA));
        assertEquals(WANTYES, e.optionState(false, SGA));
        assertEquals(WANTYES, e.optionState(false, TTYPE));
        assertEquals(WANTYES, e.optionState(false, NAWS));
        assertEquals(NO, e.optionState(true, LINEMODE));
        assertEquals(0, r.batches.size(), "start() returns its bytes, it doesn't call onSend");
        assertEquals(0, e.start().length, "start() is once only");
    }

    @Test
    void typicalClientAnswersAreNotAnsweredAgain() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        e.receive(b(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, TTYPE, IAC, WILL, NAWS,
                IAC, DONT, LINEMODE));
        // the only thing we send is the TTYPE query
        assertBytes(b(IAC, SB, TTYPE, 1, IAC, SE), r.sentBytes());
        assertTrue(e.serverEchoes());
        assertTrue(e.isEnabledLocally(SGA));
        assertTrue(e.isEnabledRemotely(SGA));
        assertTrue(e.isEnabledRemotely(TTYPE));
        assertTrue(e.isEnabledRemotely(NAWS));
        assertFalse(e.isEnabledLocally(LINEMODE));
        assertEquals(List.of("opt:local:ECHO:true", "opt:local:SGA:true", "opt:remote:SGA:true",
                "opt:remote:TTYPE:true", "opt:remote:NAWS:true"), r.namedEvents());
        assertEquals(0, e.goAheadIfNeeded().length);
        // the same answers again change nothing and get no reply
        r.clearSent();
        e.receive(b(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, TTYPE, IAC, WILL, NAWS,
                IAC, DONT, LINEMODE, IAC, WONT, LINEMODE));
        assertEquals(0, r.sentBytes().length);
    }

    @Test
    void clientRefusingEverythingGetsNoReplies() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        e.receive(b(IAC, DONT, ECHO, IAC, DONT, SGA, IAC, WONT, SGA, IAC, WONT, NAWS));
        assertEquals(0, r.sentBytes().length);
        assertFalse(e.serverEchoes());
        assertBytes(b(IAC, 249), e.goAheadIfNeeded());
        assertEquals(NO, e.optionState(true, ECHO));
    }

    @Test
    void negotiationBeforeStartIsRespectedByStart() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.receive(b(IAC, DO, ECHO, IAC, WILL, TTYPE));
        assertBytes(b(IAC, WILL, ECHO, IAC, DO, TTYPE, IAC, SB, TTYPE, 1, IAC, SE), r.sentBytes());
        assertBytes(b(IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, NAWS, IAC, WONT, LINEMODE), e.start());
    }

    @Test
    void wrongDirectionAndUnsupportedOptionsAreRefused() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.receive(b(IAC, DO, TTYPE, IAC, DO, NAWS, IAC, DO, TSPEED, IAC, DO, 99, IAC, WILL, ECHO, IAC, WILL, 99,
                IAC, WILL, TSPEED, IAC, WILL, 36));
        assertBytes(b(IAC, WONT, TTYPE, IAC, WONT, NAWS, IAC, WONT, TSPEED, IAC, WONT, 99, IAC, DONT, ECHO,
                IAC, DONT, 99, IAC, DONT, TSPEED, IAC, DONT, 36), r.sentBytes());
        assertFalse(e.lineModeRequested());
    }

    @Test
    void lineModeIsRefusedButNoted() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        e.receive(b(IAC, DO, LINEMODE, IAC, WILL, LINEMODE));
        assertBytes(b(IAC, WONT, LINEMODE, IAC, DONT, LINEMODE), r.sentBytes());
        assertFalse(e.isEnabledLocally(LINEMODE));
        assertFalse(e.isEnabledRemotely(LINEMODE));
        assertTrue(e.lineModeRequested());
    }

    @Test
    void timingMarkIsAnsweredButNeverKept() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.receive(b(IAC, DO, TIMING_MARK));
        assertBytes(b(IAC, WILL, TIMING_MARK), r.sentBytes());
        assertFalse(e.isEnabledLocally(TIMING_MARK));
        r.clearSent();
        e.receive(b(IAC, DO, TIMING_MARK, IAC, DO, TIMING_MARK));
        assertEquals(0, r.sentBytes().length, "a run of DO TM with nothing in between gets one answer");
        e.receive(b("x", IAC, DO, TIMING_MARK));
        assertBytes(b(IAC, WILL, TIMING_MARK), r.sentBytes());
        r.clearSent();
        e.receive(b(IAC, 244, IAC, DO, TIMING_MARK)); // IP then DO TM, as BSD telnet sends it
        assertBytes(b(IAC, WILL, TIMING_MARK), r.sentBytes());
        r.clearSent();
        e.receive(b(IAC, WILL, TIMING_MARK, IAC, WONT, TIMING_MARK, IAC, DONT, TIMING_MARK));
        assertEquals(0, r.sentBytes().length, "answers to our keepalive are absorbed");
        assertFalse(e.requestLocal(TIMING_MARK, true));
        assertFalse(e.requestRemote(TIMING_MARK, true));
    }

    @Test
    void insistentPeerIsAnsweredAtMostReplyBudgetTimes() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        for (int i = 0; i < 100; i++) {
            e.receive(b(IAC, DO, 99, IAC, WILL, SGA, IAC, WONT, SGA));
        }
        int budget = OptionSide.REPLY_BUDGET;
        byte[] sent = r.sentBytes();
        assertEquals(3 * budget + 3 * budget, sent.length, "16 x WONT 99, 8 x (DO SGA, DONT SGA)");
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (int i = 0; i < budget; i++) {
            want.writeBytes(i < budget / 2 ? b(IAC, WONT, 99, IAC, DO, SGA, IAC, DONT, SGA) : b(IAC, WONT, 99));
        }
        assertBytes(want.toByteArray(), sent);
        assertTrue(T.malformed(sent) == null);
    }

    @Test
    void keepaliveBytes() {
        TelnetEngine e = T.engine(new Recorder());
        assertBytes(b(IAC, 241), e.keepalive(TelnetEngine.Keepalive.NOP));
        assertBytes(b(IAC, DO, TIMING_MARK), e.keepalive(TelnetEngine.Keepalive.TIMING_MARK));
        assertEquals(NO, e.optionState(false, TIMING_MARK));
    }

    @Test
    void switchingToLineModeWithWontEcho() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        e.receive(b(IAC, DO, ECHO));
        assertTrue(e.serverEchoes());
        r.clearSent();
        assertTrue(e.requestLocal(ECHO, false));
        assertBytes(b(IAC, WONT, ECHO), r.sentBytes());
        assertEquals(WANTNO, e.optionState(true, ECHO));
        assertFalse(e.serverEchoes());
        r.clearSent();
        assertFalse(e.requestLocal(ECHO, false), "already asked");
        assertEquals(0, r.batches.size());
        e.receive(b(IAC, DONT, ECHO));
        assertEquals(NO, e.optionState(true, ECHO));
        assertEquals(0, r.sentBytes().length);
        // the application said no: a later DO ECHO is refused
        e.receive(b(IAC, DO, ECHO));
        assertBytes(b(IAC, WONT, ECHO), r.sentBytes());
        // and can change its mind
        r.clearSent();
        assertTrue(e.requestLocal(ECHO, true));
        assertBytes(b(IAC, WILL, ECHO), r.sentBytes());
    }

    @Test
    void requestWhileWaitingIsQueued() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.start();
        e.receive(b(IAC, DO, ECHO));
        e.requestLocal(ECHO, false);
        r.clearSent();
        assertTrue(e.requestLocal(ECHO, true)); // WANTNO EMPTY -> WANTNO OPPOSITE, nothing sent
        assertEquals(0, r.batches.size());
        assertTrue(e.optionQueued(true, ECHO));
        e.receive(b(IAC, DONT, ECHO)); // -> WANTYES, WILL ECHO
        assertBytes(b(IAC, WILL, ECHO), r.sentBytes());
        assertEquals(WANTYES, e.optionState(true, ECHO));
        assertFalse(e.optionQueued(true, ECHO));
    }

    @Test
    void requestRejectsBadOptionNumbers() {
        TelnetEngine e = T.engine(new Recorder());
        assertThrows(IllegalArgumentException.class, () -> e.requestLocal(256, true));
        assertThrows(IllegalArgumentException.class, () -> e.requestRemote(-1, true));
        assertFalse(e.isEnabledLocally(300));
    }

    @Test
    void requestRemoteDoesNothingWhenAlreadyEnabled() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.receive(b(IAC, WILL, NAWS));
        r.clearSent();
        assertFalse(e.requestRemote(NAWS, true));
        assertEquals(0, r.batches.size());
        assertTrue(e.requestRemote(NAWS, false));
        assertBytes(b(IAC, DONT, NAWS), r.sentBytes());
    }

    // ------------------------------------------------------------ the RFC 1143 table, exhaustively

    private record Outcome(int state, boolean opposite, Integer reply) {
    }

    /** RFC 1143 section 7, written out independently of the engine. */
    private static Outcome rfc1143(boolean positive, boolean local, int s, boolean q, boolean accept) {
        int yes = local ? WILL : DO;
        int no = local ? WONT : DONT;
        if (positive) {
            switch (s) {
                case NO: return accept ? new Outcome(YES, false, yes) : new Outcome(NO, false, no);
                case YES: return new Outcome(YES, false, null);
                case WANTNO: return q ? new Outcome(YES, false, null) : new Outcome(NO, false, null);
                case WANTYES: return q ? new Outcome(WANTNO, false, no) : new Outcome(YES, false, null);
                default: throw new AssertionError();
            }
        }
        switch (s) {
            case NO: return new Outcome(NO, false, null);
            case YES: return new Outcome(NO, false, no);
            case WANTNO: return q ? new Outcome(WANTYES, false, yes) : new Outcome(NO, false, null);
            case WANTYES: return new Outcome(NO, false, null);
            default: throw new AssertionError();
        }
    }

    /** The negotiation triples about {@code option} in {@code out} (sub-negotiations skipped). */
    private static List<Integer> verbsAbout(byte[] out, int option) {
        List<Integer> verbs = new ArrayList<>();
        for (int i = 0; i + 2 < out.length; i++) {
            int c = out[i] & 0xFF;
            int v = out[i + 1] & 0xFF;
            if (c == IAC && v == SB) {
                int j = i + 2;
                while (j + 1 < out.length && !((out[j] & 0xFF) == IAC && (out[j + 1] & 0xFF) == SE)) {
                    j++;
                }
                i = j + 1;
            } else if (c == IAC && v >= WILL && v <= DONT) {
                if ((out[i + 2] & 0xFF) == option) {
                    verbs.add(v);
                }
                i += 2;
            }
        }
        return verbs;
    }

    @Test
    void everyCommandInEveryStateFollowsRfc1143() {
        int[][] states = {{NO, 0}, {YES, 0}, {WANTNO, 0}, {WANTNO, 1}, {WANTYES, 0}, {WANTYES, 1}};
        int checked = 0;
        for (int option : OPTIONS) {
            if (option == TIMING_MARK) {
                continue;
            }
            for (boolean local : new boolean[] {true, false}) {
                for (int[] st : states) {
                    for (boolean positive : new boolean[] {true, false}) {
                        Recorder r = new Recorder();
                        TelnetEngine e = T.engine(r);
                        e.forceOptionState(local, option, st[0], st[1] == 1);
                        int verb = local ? (positive ? DO : DONT) : (positive ? WILL : WONT);
                        e.receive(b(IAC, verb, option));
                        boolean accept = (local ? LOCAL_ACCEPTED : REMOTE_ACCEPTED).contains(option);
                        Outcome want = rfc1143(positive, local, st[0], st[1] == 1, accept);
                        String what = TelnetCommand.name(verb) + " " + TelnetOption.name(option) + " in state "
                                + st[0] + "/" + st[1];
                        assertEquals(want.reply() == null ? List.of() : List.of(want.reply()),
                                verbsAbout(r.sentBytes(), option), what);
                        assertEquals(want.state(), e.optionState(local, option), what);
                        assertEquals(want.opposite(), e.optionQueued(local, option), what);
                        assertEquals(want.state() == YES,
                                local ? e.isEnabledLocally(option) : e.isEnabledRemotely(option), what);
                        assertTrue(T.malformed(r.sentBytes()) == null, what);
                        // the same command again: whatever the state now, a repeat never loops
                        r.clearSent();
                        e.receive(b(IAC, verb, option));
                        Outcome again = rfc1143(positive, local, want.state(), want.opposite(), accept);
                        assertEquals(again.reply() == null ? List.of() : List.of(again.reply()),
                                verbsAbout(r.sentBytes(), option), what + " (repeated)");
                        if (want.state() == YES && positive || want.state() == NO && !positive) {
                            assertTrue(verbsAbout(r.sentBytes(), option).isEmpty(), what + " repeat must be silent");
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(OPTIONS.length * 2 * 6 * 2, checked);
    }

    @Test
    void ourOwnRequestsFollowRfc1143() {
        // requesting enable/disable in each state: what is sent and the new state
        int[][] cases = {
            // state, queue, enable, expect state, expect queue, expect sent (1 yes, -1 no, 0 none), expect result
            {NO, 0, 1, WANTYES, 0, 1, 1},
            {YES, 0, 1, YES, 0, 0, 0},
            {WANTNO, 0, 1, WANTNO, 1, 0, 1},
            {WANTNO, 1, 1, WANTNO, 1, 0, 0},
            {WANTYES, 0, 1, WANTYES, 0, 0, 0},
            {WANTYES, 1, 1, WANTYES, 0, 0, 1},
            {NO, 0, 0, NO, 0, 0, 0},
            {YES, 0, 0, WANTNO, 0, -1, 1},
            {WANTNO, 0, 0, WANTNO, 0, 0, 0},
            {WANTNO, 1, 0, WANTNO, 0, 0, 1},
            {WANTYES, 0, 0, WANTYES, 1, 0, 1},
            {WANTYES, 1, 0, WANTYES, 1, 0, 0},
        };
        for (boolean local : new boolean[] {true, false}) {
            for (int[] c : cases) {
                Recorder r = new Recorder();
                TelnetEngine e = T.engine(r);
                e.forceOptionState(local, SGA, c[0], c[1] == 1);
                boolean result = local ? e.requestLocal(SGA, c[2] == 1) : e.requestRemote(SGA, c[2] == 1);
                String what = (local ? "local " : "remote ") + java.util.Arrays.toString(c);
                assertEquals(c[3], e.optionState(local, SGA), what);
                assertEquals(c[4] == 1, e.optionQueued(local, SGA), what);
                assertEquals(c[6] == 1, result, what);
                ByteArrayOutputStream want = new ByteArrayOutputStream();
                if (c[5] != 0) {
                    want.write(IAC);
                    want.write(local ? (c[5] == 1 ? WILL : WONT) : (c[5] == 1 ? DO : DONT));
                    want.write(SGA);
                }
                assertArrayEquals(want.toByteArray(), r.sentBytes(), what);
            }
        }
    }
}
