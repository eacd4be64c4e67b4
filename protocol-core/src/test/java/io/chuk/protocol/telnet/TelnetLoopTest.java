package io.chuk.protocol.telnet;

import io.chuk.protocol.api.TerminalInfo;
import static io.chuk.protocol.telnet.T.DO;
import static io.chuk.protocol.telnet.T.DONT;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.WILL;
import static io.chuk.protocol.telnet.T.WONT;
import static io.chuk.protocol.telnet.T.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Our engine wired to peers that answer without memory. With RFC 1143 every exchange must go
 * quiet after a few rounds (as fuzzball's NAWS loop and telnetlib3's LINEMODE loop did not).
 */
class TelnetLoopTest {

    /** A peer that answers each negotiation command without keeping any state. */
    private interface Peer {
        /** The reply to one negotiation command, or null. */
        byte[] answer(int verb, int option);

        /** The reply to one sub-negotiation body (option first), or null. */
        default byte[] answerSb(byte[] body) {
            return null;
        }
    }

    private static final Peer AGREE_ALL = (verb, option) -> {
        switch (verb) {
            case DO: return b(IAC, WILL, option);
            case WILL: return b(IAC, DO, option);
            case DONT: return b(IAC, WONT, option);
            default: return b(IAC, DONT, option);
        }
    };

    private static final Peer REFUSE_ALL = (verb, option) -> {
        switch (verb) {
            case DO:
            case DONT: return b(IAC, WONT, option);
            default: return b(IAC, DONT, option);
        }
    };

    private static final Peer MIRROR = (verb, option) -> b(IAC, verb, option);

    /** Agrees to everything and answers every query: a very chatty client. */
    private static final Peer CHATTY = new Peer() {
        @Override
        public byte[] answer(int verb, int option) {
            return AGREE_ALL.answer(verb, option);
        }

        @Override
        public byte[] answerSb(byte[] body) {
            int option = body[0] & 0xFF;
            if (option == 24 && body[1] == 1) {
                return b(IAC, SB, 24, 0, "xterm", IAC, SE);
            }
            if (option == 39 && body[1] == 1) {
                return b(IAC, SB, 39, 0, 0, "USER", 1, "alice", IAC, SE);
            }
            if (option == 42 && body[1] == 1) {
                return b(IAC, SB, 42, 2, "UTF-8", IAC, SE);
            }
            return b(IAC, SB, body, IAC, SE); // anything else: echo it back
        }
    };

    /** Says the opposite of whatever it hears: insists after refusals, revokes after agreement. */
    private static final Peer CONTRARIAN = (verb, option) -> {
        switch (verb) {
            case DO: return b(IAC, WONT, option);
            case DONT: return b(IAC, WILL, option);
            case WILL: return b(IAC, DONT, option);
            default: return b(IAC, DO, option);
        }
    };

    /** Parses our (well-formed) output and collects the peer's answers. */
    private static byte[] peerReply(Peer peer, byte[] fromUs) {
        assertNull(T.malformed(fromUs));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < fromUs.length) {
            if ((fromUs[i] & 0xFF) != IAC) {
                i++;
                continue;
            }
            int verb = fromUs[i + 1] & 0xFF;
            if (verb >= WILL && verb <= DONT) {
                byte[] a = peer.answer(verb, fromUs[i + 2] & 0xFF);
                if (a != null) {
                    out.writeBytes(a);
                }
                i += 3;
            } else if (verb == SB) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                int j = i + 2;
                while (!((fromUs[j] & 0xFF) == IAC && (fromUs[j + 1] & 0xFF) == SE)) {
                    if ((fromUs[j] & 0xFF) == IAC) {
                        j++;
                    }
                    body.write(fromUs[j]);
                    j++;
                }
                byte[] a = peer.answerSb(body.toByteArray());
                if (a != null) {
                    out.writeBytes(a);
                }
                i = j + 2;
            } else {
                i += 2;
            }
        }
        return out.toByteArray();
    }

    private record Result(int rounds, long bytes, TelnetEngine engine) {
    }

    private static Result converse(Peer peer) {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        byte[] toPeer = e.start();
        long total = toPeer.length;
        for (int round = 1; round <= 1000; round++) {
            byte[] toUs = peerReply(peer, toPeer);
            total += toUs.length;
            if (toUs.length == 0) {
                return new Result(round, total, e);
            }
            r.clearSent();
            e.receive(toUs);
            toPeer = r.sentBytes();
            total += toPeer.length;
            if (toPeer.length == 0) {
                return new Result(round, total, e);
            }
        }
        throw new AssertionError("no quiescence after 1000 rounds with " + peer);
    }

    @Test
    void agreeingPeerGoesQuiet() {
        Result res = converse(AGREE_ALL);
        assertTrue(res.rounds() < 20, "rounds: " + res.rounds());
        assertTrue(res.bytes() < 500, "bytes: " + res.bytes());
        assertTrue(res.engine().serverEchoes());
        assertTrue(res.engine().isEnabledRemotely(TelnetOption.NAWS));
    }

    @Test
    void refusingPeerGoesQuiet() {
        Result res = converse(REFUSE_ALL);
        assertTrue(res.rounds() < 20, "rounds: " + res.rounds());
        assertTrue(res.bytes() < 500, "bytes: " + res.bytes());
        for (int option = 0; option < 256; option++) {
            assertEquals(OptionSide.NO, res.engine().optionState(true, option));
            assertEquals(OptionSide.NO, res.engine().optionState(false, option));
        }
    }

    @Test
    void mirroringPeerGoesQuiet() {
        Result res = converse(MIRROR);
        assertTrue(res.rounds() < 20, "rounds: " + res.rounds());
        assertTrue(res.bytes() < 500, "bytes: " + res.bytes());
    }

    @Test
    void chattyPeerCompletesEverythingAndGoesQuiet() {
        Result res = converse(CHATTY);
        assertTrue(res.rounds() < 20, "rounds: " + res.rounds());
        assertTrue(res.bytes() < 1000, "bytes: " + res.bytes());
        TerminalInfo info = res.engine().terminalInfo();
        assertEquals("xterm", info.terminalType());
        assertEquals("UTF-8", info.charset());
        assertEquals("alice", info.environment().get("USER"));
    }

    @Test
    void contrarianPeerIsCutOffByTheReplyBudget() {
        Result res = converse(CONTRARIAN);
        assertTrue(res.rounds() <= 4 * OptionSide.REPLY_BUDGET + 4, "rounds: " + res.rounds());
        assertTrue(res.bytes() < 2000, "bytes: " + res.bytes());
    }

    @Test
    void peerThatAnswersTimingMarkWithDoTimingMarkGoesQuiet() {
        Recorder r = new Recorder();
        TelnetEngine e = T.engine(r);
        e.receive(b(IAC, DO, 6));
        for (int i = 0; i < 5 && r.sentBytes().length > 0; i++) {
            byte[] reply = peerReply(AGREE_ALL, r.sentBytes());
            r.clearSent();
            e.receive(reply);
        }
        assertEquals(0, r.sentBytes().length);
        assertTrue(Arrays.equals(new byte[0], r.sentBytes()));
    }
}
