package io.chuk.protocol.telnet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.chuk.protocol.telnet.T.DO;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.WILL;
import static io.chuk.protocol.telnet.T.b;
import static io.chuk.protocol.telnet.T.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sub-negotiations of options the engine leaves to its listener (GMCP, MSDP): whole, unescaped, bounded. */
class TelnetMudSubnegotiationTest {

    private static final int GMCP = TelnetOption.GMCP;
    private static final int MSDP = TelnetOption.MSDP;
    private static final byte[] GMCP_HELLO = b(IAC, SB, GMCP, "Core.Hello {\"client\":\"T\"}", IAC, SE);
    private static final byte[] MSDP_REPORT = b(IAC, SB, MSDP, 1, "REPORT", 2, "HEALTH", IAC, SE);
    private static final byte[] WITH_FF = b(IAC, SB, GMCP, "X ", IAC, IAC, IAC, SE);

    private static TelnetEngine mudEngine(Recorder r) {
        return new TelnetEngine(new TelnetSettings(64, 8, true, true, Set.of(GMCP, MSDP, TelnetOption.EOR)), r);
    }

    private static List<Object> subnegotiations(Recorder r) {
        return r.events.stream().filter(e -> e instanceof String s && s.startsWith("sb:")).toList();
    }

    @Test
    void aGmcpMessageReachesTheListenerWholeAndUnescaped() {
        Recorder r = new Recorder();
        TelnetEngine engine = mudEngine(r);
        engine.receive(b(GMCP_HELLO, WITH_FF));
        assertEquals(List.of("sb:GMCP:" + java.util.HexFormat.of().formatHex(
                "Core.Hello {\"client\":\"T\"}".getBytes()), "sb:GMCP:5820ff"), subnegotiations(r));
    }

    @Test
    void everySplitOfTheStreamGivesTheSameMessages() {
        byte[] stream = b("look", GMCP_HELLO, MSDP_REPORT, WITH_FF, "\r\n");
        Recorder whole = new Recorder();
        mudEngine(whole).receive(stream);
        for (int cut = 0; cut <= stream.length; cut++) {
            Recorder split = new Recorder();
            TelnetEngine engine = mudEngine(split);
            engine.receive(stream, 0, cut);
            engine.receive(stream, cut, stream.length - cut);
            assertEquals(whole.events.toString(), split.events.toString(), "split at " + cut);
        }
        Recorder bytewise = new Recorder();
        TelnetEngine engine = mudEngine(bytewise);
        for (int i = 0; i < stream.length; i++) {
            engine.receive(stream, i, 1);
        }
        assertEquals(whole.events.toString(), bytewise.events.toString(), "byte by byte");
        assertEquals(3, subnegotiations(whole).size());
    }

    @Test
    void anOverLongMessageIsDiscardedAndTheNextOneStillArrives() {
        Recorder r = new Recorder();
        TelnetEngine engine = mudEngine(r);
        engine.receive(b(IAC, SB, GMCP, "Big " + "x".repeat(100), IAC, SE, GMCP_HELLO));
        assertEquals(1, subnegotiations(r).size(), "only the message within the 64-byte limit");
    }

    @Test
    void theOfferedMudOptionsAreAgreedAndNotAnsweredAgain() {
        Recorder r = new Recorder();
        TelnetEngine engine = mudEngine(r);
        byte[] opening = engine.start();
        assertEquals(hex(b(IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 3, IAC, DO, 24, IAC, DO, 31, IAC, 252, 34,
                IAC, WILL, 25, IAC, WILL, 69, IAC, WILL, 201)), hex(opening));
        engine.receive(b(IAC, DO, GMCP, IAC, DO, TelnetOption.EOR, IAC, 254, MSDP));
        assertTrue(engine.isEnabledLocally(GMCP));
        assertTrue(engine.isEnabledLocally(TelnetOption.EOR));
        assertEquals(false, engine.isEnabledLocally(MSDP));
        assertEquals("", hex(r.sentBytes()), "answers to our own offers are not answered");
    }

    @Test
    void terminalTypesAreCycledUntilTheMttsEntryRepeats() {
        Recorder r = new Recorder();
        TelnetEngine engine = mudEngine(r);
        engine.start();
        engine.receive(b(IAC, WILL, 24));
        for (String name : List.of("TINTIN++", "xterm-256color", "MTTS 271", "MTTS 271")) {
            engine.receive(b(IAC, SB, 24, 0, name, IAC, SE));
        }
        assertEquals(4, engine.terminalTypeQueries(), "asked until the list repeated");
        assertEquals(271, engine.terminalInfo().mttsFlags());
        assertEquals("TINTIN++", engine.terminalType());
    }

    @Property(tries = 300)
    void anyStreamOfMudMessagesKeepsWithinTheBoundAndNeverThrows(@ForAll("mudStreams") byte[] stream) {
        Recorder r = new Recorder();
        TelnetEngine engine = mudEngine(r);
        engine.start();
        engine.receive(stream);
        for (Object event : subnegotiations(r)) {
            String body = ((String) event).substring(((String) event).indexOf(':', 3) + 1);
            assertTrue(body.length() / 2 <= 64, "a body within max_subnegotiation_length: " + event);
            assertTrue(body.length() > 0, "never an empty body");
        }
        assertNull(T.malformed(r.sentBytes()), "every reply is a complete command");
    }

    @Provide
    Arbitrary<byte[]> mudStreams() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.just(GMCP_HELLO), Arbitraries.just(MSDP_REPORT), Arbitraries.just(WITH_FF),
                Arbitraries.just(b(IAC, SB, GMCP)), Arbitraries.just(b(IAC, SE)), Arbitraries.just(b(IAC, DO, GMCP)),
                Arbitraries.just(b(IAC, 254, GMCP)), Arbitraries.just(b(IAC, SB, MSDP, 3, 1)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
        return piece.list().ofMaxSize(20).map(list -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            list.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
