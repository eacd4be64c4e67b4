package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TelnetParser} on its own, with a sink that writes down what it is told; no engine. */
class TelnetParserAloneTest {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int DO = 253;
    private static final int AYT = 246;

    private final List<String> events = new ArrayList<>();
    private boolean binary;
    private boolean takeOver;
    private final SubnegotiationBuffer sub = new SubnegotiationBuffer(8);
    private final TelnetParser parser = new TelnetParser(sub, new TelnetParser.Sink() {
        @Override
        public void data(byte[] buf, int off, int len) {
            events.add("data " + new String(buf, off, len, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void command(int command) {
            events.add("command " + command);
        }

        @Override
        public void negotiation(int verb, int option) {
            events.add("negotiation " + verb + " " + option);
        }

        @Override
        public boolean subnegotiationEnded() {
            events.add("sb " + sub.option() + " " + (sub.overflowed() ? "overflowed"
                    : new String(sub.body(), 0, sub.length(), StandardCharsets.ISO_8859_1)));
            return takeOver;
        }

        @Override
        public boolean binaryInput() {
            return binary;
        }
    });

    private static byte[] bytes(Object... parts) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Integer b ? String.valueOf((char) (int) b) : part);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private int parse(byte[] input) {
        return parser.parse(input, 0, input.length);
    }

    @Test
    void dataRunsAreSplitOnlyByCommandsAndAnEscapedIacIsData() {
        parse(bytes("ab", IAC, IAC, "cd", IAC, AYT, "e"));
        assertEquals(List.of("data ab", "data \u00ffcd", "command 246", "data e"), events);
    }

    @Test
    void anIacBeforeANonCommandIsDroppedAndTheByteKept() {
        parse(bytes("a", IAC, "b"));
        assertEquals(List.of("data a", "data b"), events);
    }

    @Test
    void negotiationsAndSubnegotiationsContinueAcrossCalls() {
        parse(bytes(IAC, WILL));
        parse(bytes(24, IAC, SB, 24, 0, "vt"));
        parse(bytes("100", IAC, SE, "x"));
        assertEquals(List.of("command 251", "negotiation 251 24", "command 250", "sb 24 \u0000vt100", "data x"),
                events);
    }

    @Test
    void anUnclosedSubnegotiationEndsAtTheNextCommandAndAnOverlongOneIsMarked() {
        parse(bytes(IAC, SB, 31, "abc", IAC, DO, 1, IAC, SB, 24, "0123456789", IAC, SE));
        assertEquals(List.of("command 250", "command 253", "negotiation 253 1", "command 250", "sb 24 overflowed"),
                events);
    }

    @Test
    void aNulAfterCrIsPaddingUnlessThePeerSendsBinary() {
        parse(bytes("a\r", 0, "b"));
        binary = true;
        parse(bytes("c\r", 0, "d"));
        assertEquals(List.of("data a\r", "data b", "data c\r\u0000d"), events);
    }

    @Test
    void afterATakeOverTheParserStopsJustPastTheSe() {
        takeOver = true;
        byte[] input = bytes(IAC, SB, 86, IAC, SE, "compressed");
        assertEquals(5, parse(input));
        assertEquals(List.of("command 250", "sb 86 "), events);
    }
}
