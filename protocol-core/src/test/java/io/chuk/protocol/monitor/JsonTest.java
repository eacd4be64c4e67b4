package io.chuk.protocol.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's JSON: its escaping against a parser's round trip, its layout, and bounded reading. */
class JsonTest {

    /** An independent reader (plain Jackson, none of the monitor's settings). */
    private static final JsonFactory PLAIN = new JsonFactory();

    @Property
    void everyStringSurvivesARoundTripAndTheTextIsOneLineOfValidUtf8(@ForAll("texts") String text) throws Exception {
        String json = Json.write(Map.of("text", text));
        assertEquals(text, parseText(json));
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertTrue(c >= 0x20 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c),
                    () -> "unescaped U+" + Integer.toHexString(c) + " in " + json);
        }
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(utf8)));
        assertEquals(utf8.length, MonitorMessage.of(Map.of("text", text)).bytes());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> interesting = Arbitraries.of('"', '\\', '/', '\u007f', '\u2028', '\u2029',
                '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', 'é', '€', '\ufffd', '\uffff', 'a');
        Arbitrary<Character> control = Arbitraries.chars().range('\u0000', '\u001f');
        Arbitrary<Character> any = Arbitraries.chars().range('\u0000', '\uffff');
        return Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(2, control), Tuple.of(2, any))
                .list().ofMaxSize(64)
                .map(chars -> {
                    StringBuilder text = new StringBuilder(chars.size());
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Test
    void controlCharactersQuotesAndBackslashesGetTheirShortestEscapes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String json = Json.write(all.append("\"\\/\u007f").toString());
        assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d"
                + "\\u001e\\u001f\\\"\\\\/\u007f\"", json);
        assertEquals(all.toString(), parseText("{\"text\": " + json + "}"));
    }

    @Test
    void lineSeparatorsAndSurrogatesAreEscapedWhileOtherTextStaysAsItIs() throws Exception {
        assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"));
        assertEquals("\"\\ud83d\\ude00 alone: \\ud800 \\udfff\"", Json.write("\ud83d\ude00 alone: \ud800 \udfff"));
        assertEquals("\"héllo € \ufffd\"", Json.write("héllo € \ufffd"));
        assertEquals("\ud83d\ude00", parseText("{\"text\": " + Json.write("\ud83d\ude00") + "}"));
    }

    @Test
    void layoutIsTheOriginalsOnOneLine() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "active_sessions");
        message.put("sessions", List.of());
        message.put("client", Map.of());
        message.put("remote_addr", List.of("127.0.0.1", 4321));
        message.put("start_time", 1732464000.5);
        message.put("is_newest", true);
        message.put("path", null);
        assertEquals("{\"type\": \"active_sessions\", \"sessions\": [], \"client\": {}, \"remote_addr\": [\"127.0.0.1\", 4321], "
                + "\"start_time\": 1.7324640005E9, \"is_newest\": true, \"path\": null}", Json.write(message));
    }

    @Test
    void readingGivesATreeAndRefusesWhatIsMalformedOrTooDeep() {
        JsonNode request = Json.read(" {\"type\": \"watch_session\", \"n\": [1, 2.5, true, null], \"s\": \"\\u00e9\\n\"} ");
        assertEquals("watch_session", request.get("type").textValue());
        assertEquals("[1, 2.5, true, null]", Json.write(request.get("n")));
        assertEquals("é\n", request.get("s").textValue());
        for (String bad : List.of("", "not json", "{\"a\": }", "{\"a\": 1} x", "{} {}", "[1, 2", "'single'", "{\"a\": 1,}")) {
            assertThrows(IllegalArgumentException.class, () -> Json.read(bad), bad);
        }
        String deep = "[".repeat(17) + "]".repeat(17);
        assertEquals(16, depth(Json.read("[".repeat(16) + "]".repeat(16))));
        IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class, () -> Json.read(deep));
        assertTrue(tooDeep.getMessage().contains("depth"), tooDeep.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.read("\"" + "x".repeat(70_000) + "\""));
    }

    @Test
    void escapingALongLineOfControlCharactersWritesSixCharactersEachInOnePass() {
        String line = "\u0001".repeat(8000);
        MonitorMessage message = MonitorMessage.traffic("server_message", "id", line);
        assertEquals("{\"type\": \"server_message\", \"session_id\": \"id\", \"data\": {\"text\": \"".length()
                + 6 * 8000 + "\"}}".length(), message.bytes());
    }

    private static int depth(JsonNode value) {
        return value.isArray() ? 1 + (value.isEmpty() ? 0 : depth(value.get(0))) : 0;
    }

    private static String parseText(String json) throws Exception {
        try (JsonParser parser = PLAIN.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("text", parser.nextFieldName());
            assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
            String text = parser.getText();
            assertEquals(JsonToken.END_OBJECT, parser.nextToken());
            return text;
        }
    }
}
