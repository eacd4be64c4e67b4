package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.T.AO;
import static io.chuk.protocol.telnet.T.AYT;
import static io.chuk.protocol.telnet.T.BRK;
import static io.chuk.protocol.telnet.T.DM;
import static io.chuk.protocol.telnet.T.EC;
import static io.chuk.protocol.telnet.T.EL;
import static io.chuk.protocol.telnet.T.GA;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.IP;
import static io.chuk.protocol.telnet.T.NOP;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.WILL;
import static io.chuk.protocol.telnet.T.assertBytes;
import static io.chuk.protocol.telnet.T.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Byte vectors for the input side: data, every RFC 854 command, escapes, CR handling. */
class TelnetParserTest {

    private Recorder r;
    private TelnetEngine e;

    private List<String> feed(byte[] bytes) {
        r = new Recorder();
        e = T.engine(r);
        e.receive(bytes);
        return r.eventStrings();
    }

    @Test
    void plainDataPassesThroughAndIsNotTelnet() {
        assertEquals(List.of("data:6869"), feed(b("hi")));
        assertFalse(e.peerSpeaksTelnet());
        assertEquals(0, r.sentBytes().length);
    }

    @Test
    void nopDmGaAndSeOutsideSbAreIgnored() {
        for (int cmd : new int[] {NOP, DM, GA, SE}) {
            assertEquals(List.of("data:61", "seen", "data:62"), feed(b("a", IAC, cmd, "b")), "command " + cmd);
            assertEquals(0, r.sentBytes().length);
            assertTrue(e.peerSpeaksTelnet());
        }
    }

    @Test
    void interruptBreakAbortEraseEvents() {
        assertEquals(List.of("data:61", "seen", "IP", "data:62"), feed(b("a", IAC, IP, "b")));
        assertEquals(List.of("seen", "BRK"), feed(b(IAC, BRK)));
        assertEquals(List.of("seen", "AO"), feed(b(IAC, AO)));
        assertEquals(List.of("seen", "EC"), feed(b(IAC, EC)));
        assertEquals(List.of("seen", "EL"), feed(b(IAC, EL)));
        assertEquals(0, r.sentBytes().length);
    }

    @Test
    void negotiationSeenFiresOnce() {
        feed(b(IAC, NOP, IAC, NOP, IAC, IP));
        assertEquals(List.of("seen", "IP"), r.eventStrings());
    }

    @Test
    void areYouThereIsAnsweredVisibly() {
        feed(b(IAC, AYT));
        assertBytes(b("\r\n[Yes]\r\n"), r.sentBytes());
    }

    @Test
    void aytFloodWithoutDataIsAnsweredOnce() {
        feed(b(IAC, AYT, IAC, AYT, IAC, AYT, "x", IAC, AYT));
        assertBytes(b("\r\n[Yes]\r\n\r\n[Yes]\r\n"), r.sentBytes());
    }

    @Test
    void iacIacIsOneDataByte() {
        assertEquals(List.of("data:41ff42"), feed(b("A", IAC, IAC, "B")));
        assertEquals(List.of("data:ffff"), feed(b(IAC, IAC, IAC, IAC)));
        assertFalse(e.peerSpeaksTelnet());
    }

    @Test
    void iacIacInsideSubnegotiationIsUnescaped() {
        feed(b(IAC, SB, 31, 0, IAC, IAC, 0, 40, IAC, SE));
        assertEquals(List.of("seen", "naws:255x40"), r.eventStrings());
        feed(b(IAC, SB, 24, 0, "a", IAC, IAC, "b", IAC, SE));
        assertEquals(List.of("seen", "ttype:a\u00ffb"), r.eventStrings());
    }

    @Test
    void crNulBecomesCr() {
        assertEquals(List.of("data:610d62"), feed(b("a", 13, 0, "b")));
    }

    @Test
    void crNulSplitAcrossReadsBecomesCr() {
        Recorder rec = T.feedSplit(b("a", 13, 0, "b"), 2);
        assertBytes(b("a", 13, "b"), rec.dataBytes());
    }

    @Test
    void nulNotAfterCrIsData() {
        assertEquals(List.of("data:00610a00"), feed(b(0, "a", 10, 0)));
    }

    @Test
    void crLfIsPreservedAsIs() {
        assertEquals(List.of("data:68690d0a"), feed(b("hi\r\n")));
        assertEquals(List.of("data:0d0d0a0a"), feed(b("\r\r\n\n")));
    }

    @Test
    void crNulIsKeptWhenClientSendsBinary() {
        feed(b(IAC, WILL, 0, "a", 13, 0));
        assertTrue(e.isEnabledRemotely(TelnetOption.BINARY));
        assertBytes(b("a", 13, 0), r.dataBytes());
    }

    @Test
    void highBytesPassThrough() {
        byte[] utf8 = "héllo €".getBytes(StandardCharsets.UTF_8);
        feed(utf8);
        assertBytes(utf8, r.dataBytes());
        byte[] all = new byte[255];
        for (int i = 0; i < 255; i++) {
            all[i] = (byte) i;
        }
        feed(all); // every byte but 0xFF, no CR NUL pair in there (CR is followed by 14)
        assertBytes(all, r.dataBytes());
    }

    @Test
    void iacFollowedByNonCommandDropsTheIac() {
        assertEquals(List.of("data:4142"), feed(b(IAC, "A", "B")));
        assertEquals(List.of("data:0d0a"), feed(b(IAC, 13, 10)));
    }

    @Test
    void subnegotiationOfUnknownOptionIsLeftToTheListenerAndNotAnswered() {
        assertEquals(List.of("seen", "sb:99:010203", "data:78"), feed(b(IAC, SB, 99, 1, 2, 3, IAC, SE, "x")));
        assertEquals(0, r.sentBytes().length);
    }

    @Test
    void emptySubnegotiationsAreIgnored() {
        assertEquals(List.of("seen", "data:78"), feed(b(IAC, SB, IAC, SE, "x")));
        assertEquals(List.of("seen", "data:78"), feed(b(IAC, SB, 24, IAC, SE, "x")));
        assertEquals(List.of("seen", "data:78"), feed(b(IAC, SB, 31, IAC, SE, "x")));
    }

    @Test
    void commandInsideSubnegotiationAbortsIt() {
        // the client never closed the SB; IAC IP is obeyed and the rest is data
        assertEquals(List.of("seen", "IP", "data:6869"), feed(b(IAC, SB, 24, 0, "xterm", IAC, IP, "hi")));
        assertNull(e.terminalType());
    }

    @Test
    void unescapedIacInNawsIsTolerated() {
        // a client that forgot to double 0xFF in its width
        feed(b(IAC, SB, 31, 0, IAC, 0, 40, IAC, SE));
        assertEquals(List.of("seen", "naws:255x40"), r.eventStrings());
    }

    @Test
    void seedVerifiedVectors() {
        feed(b(IAC, SB, 0x18, 0x00, "xterm-256color", IAC, SE));
        assertEquals("xterm-256color", e.terminalType());
        feed(b(IAC, SB, 0x1F, 0x00, 0x78, 0x00, 0x28, IAC, SE));
        assertEquals(120, e.width());
        assertEquals(40, e.height());
    }

    @Test
    void overlongSubnegotiationIsDiscardedAndTheStreamRecovers() {
        r = new Recorder();
        e = T.engine(r);
        int cap = e.subnegotiationCapacity();
        assertTrue(cap <= TelnetSettings.DEFAULT_MAX_SUBNEGOTIATION_LENGTH);
        e.receive(b(IAC, SB, 24, 0));
        Random random = new Random(1);
        byte[] junk = new byte[64 * 1024];
        for (int i = 0; i < 16; i++) { // 1 MiB without IAC
            random.nextBytes(junk);
            for (int k = 0; k < junk.length; k++) {
                if (junk[k] == (byte) IAC) {
                    junk[k] = 'x';
                }
            }
            e.receive(junk);
            assertTrue(e.subnegotiationAllocated() <= cap, "the buffer never grows past its capacity");
        }
        e.receive(b(IAC, SE, "ok", IAC, SB, 24, 0, "vt100", IAC, SE));
        assertEquals(List.of("seen", "data:6f6b", "ttype:vt100"), r.eventStrings());
        assertEquals(cap, e.subnegotiationAllocated(), "grown to its capacity by the flood, and no further");
    }

    @Test
    void unterminatedSubnegotiationWithIacsInJunkStaysBounded() {
        r = new Recorder();
        e = T.engine(r);
        int cap = e.subnegotiationCapacity();
        e.receive(b(IAC, SB, 24, 0));
        Random random = new Random(2);
        byte[] junk = new byte[64 * 1024];
        for (int i = 0; i < 16; i++) {
            random.nextBytes(junk);
            e.receive(junk);
            assertTrue(e.subnegotiationAllocated() <= cap, "the buffer never grows past its capacity");
        }
        e.receive(b(IAC, SE, IAC, SE, "end"));
        byte[] data = r.dataBytes();
        String tail = new String(data, data.length - 3, 3, StandardCharsets.ISO_8859_1);
        assertEquals("end", tail);
        assertNull(T.malformed(r.sentBytes()));
    }

    @Test
    void capacityFollowsSettings() {
        TelnetEngine small = new TelnetEngine(new TelnetSettings(16, 8, true, true), new Recorder());
        assertEquals(16, small.subnegotiationCapacity());
    }

    @Test
    void reentrantReceiveIsRejected() {
        TelnetEngine[] holder = new TelnetEngine[1];
        Recorder rec = new Recorder() {
            @Override
            public void onData(byte[] buf, int off, int len) {
                holder[0].receive(b("x"));
            }
        };
        holder[0] = T.engine(rec);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> holder[0].receive(b("a")));
    }
}
