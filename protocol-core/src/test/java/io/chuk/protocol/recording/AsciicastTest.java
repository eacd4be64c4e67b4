package io.chuk.protocol.recording;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exact lines of an asciicast v2 file. */
class AsciicastTest {

    @Test
    void headerIsOneLineOfJsonInAsciinemasSpelling() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", "xterm-256color");
        env.put("CHUK_SERVER", "telnet");
        String header = new String(Asciicast.header(120, 40, 1_700_000_000L, "a \"quoted\" title", env),
                StandardCharsets.UTF_8);
        assertEquals("{\"version\": 2, \"width\": 120, \"height\": 40, \"timestamp\": 1700000000, "
                + "\"title\": \"a \\\"quoted\\\" title\", \"env\": {\"TERM\": \"xterm-256color\", "
                + "\"CHUK_SERVER\": \"telnet\"}}\n", header);
    }

    @Test
    void eventsCarryMicrosecondTimesAndEscapedText() {
        assertEquals("[0.000100, \"o\", \"Echo: hello\\r\\n\"]\n",
                new String(Asciicast.event(0.0001, "o", "Echo: hello\r\n"), StandardCharsets.UTF_8));
        assertEquals("[12.500000, \"o\", \"\\u001b[1mé\\\\\"]\n",
                new String(Asciicast.event(12.5, "o", "\u001b[1mé\\"), StandardCharsets.UTF_8));
        assertEquals("[3.000000, \"r\", \"100x30\"]\n",
                new String(Asciicast.event(3, "r", "100x30"), StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateStillGivesValidUtf8() {
        byte[] line = Asciicast.event(1, "o", "a\uD83Db");
        assertEquals("[1.000000, \"o\", \"a?b\"]\n", new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void utf8SplitAcrossChunksComesOutWhole() {
        Utf8Text text = new Utf8Text();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals("a", text.decode(new byte[] {'a', euro[0]}));
        assertEquals("", text.decode(new byte[] {euro[1]}));
        assertEquals("€b", text.decode(new byte[] {euro[2], 'b'}));
        assertEquals("", text.flush(), "nothing held back");
        assertEquals("", text.decode(new byte[] {euro[0]}));
        assertEquals("\uFFFD", text.flush(), "a character cut off by the end");
        assertEquals("\uFFFDx", text.decode(new byte[] {(byte) 0xFF, 'x'}), "malformed bytes");
    }
}
