package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.session.SessionTap;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A watched session's traffic as published on its channel: pieces, bounds, and what a relay makes of them. */
class WatchTrafficTest {

    /** Records what a relay hands the monitor's tap. */
    private static final class Recorded implements SessionTap {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

        @Override
        public void input(String text) {
            events.add("in:" + text);
        }

        @Override
        public void output(String text) {
            events.add("out:" + text);
        }

        @Override
        public void terminalOutput(byte[] bytes) {
            terminal.writeBytes(bytes);
        }

        @Override
        public void windowSize(int width, int height) {
            events.add("size:" + width + "x" + height);
        }
    }

    private final Recorded tap = new Recorded();

    @Test
    void textOfAnyKindSurvivesTheChannel() {
        for (String message : WatchTraffic.text("c", WatchTraffic.OUTPUT, "Online (2):\r\n  a&b=c%20 \u00e9\ud83d\ude00\n")) {
            assertEquals(Optional.empty(), WatchTraffic.deliver(message, "c", tap));
        }
        WatchTraffic.deliver(WatchTraffic.text("c", WatchTraffic.INPUT, "/who\r\n").get(0), "c", tap);
        WatchTraffic.deliver(WatchTraffic.size("c", 120, 40), "c", tap);
        assertEquals(List.of("out:Online (2):\r\n  a&b=c%20 \u00e9\ud83d\ude00\n", "in:/who\r\n", "size:120x40"), tap.events);
    }

    @Test
    void longTextIsCutIntoBoundedPiecesThatNeverSplitACharacter() {
        String emoji = "\ud83d\ude00";
        String text = "x" + emoji.repeat(WatchTraffic.MAX_CHUNK); // a pair across every piece boundary
        List<String> messages = WatchTraffic.text("c", WatchTraffic.OUTPUT, text);
        assertEquals(3, messages.size());
        StringBuilder joined = new StringBuilder();
        for (String message : messages) {
            assertTrue(message.length() <= WatchTraffic.MAX_MESSAGE_CHARS, "message of " + message.length());
            WatchTraffic.deliver(message, "c", tap);
        }
        for (String event : tap.events) {
            String piece = event.substring("out:".length());
            assertTrue(piece.length() <= WatchTraffic.MAX_CHUNK);
            assertTrue(!Character.isHighSurrogate(piece.charAt(piece.length() - 1)), "a piece ends inside a pair");
            joined.append(piece);
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void terminalBytesArriveInOrderInBoundedPieces() {
        byte[] bytes = new byte[WatchTraffic.MAX_CHUNK * 2 + 5];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        List<String> messages = WatchTraffic.terminal("c", bytes);
        assertEquals(3, messages.size());
        messages.forEach(message -> WatchTraffic.deliver(message, "c", tap));
        assertArrayEquals(bytes, tap.terminal.toByteArray());
    }

    @Test
    void theEndIsAnnouncedAndAnythingMalformedForeignOrTooLongIsIgnored() {
        assertEquals(Optional.of(RemoteMonitoring.End.SESSION_ENDED), WatchTraffic.deliver(WatchTraffic.ended("c"), "c", tap));
        assertEquals(Optional.empty(), WatchTraffic.deliver(WatchTraffic.ended("b"), "c", tap), "not from the session's node");
        String tooLong = "t=O&n=c&l=" + "x".repeat(WatchTraffic.MAX_MESSAGE_CHARS);
        for (String bad : List.of("", "garbage", "t=Z&n=c&w=wide&h=1", "t=T&n=c&b=%%%", "t=T&n=c&b=!!", "t=Q&n=c", tooLong)) {
            assertEquals(Optional.empty(), WatchTraffic.deliver(bad, "c", tap), bad);
        }
        assertEquals(List.of(), tap.events);
        assertEquals(0, tap.terminal.size());
    }
}
