package io.chuk.protocol.telnet.mud;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MSDP's wire format: byte-exact encoding, parsing back, and malformed bodies refused with a reason. */
class MsdpCodecTest {

    /** Bytes from ints and strings. */
    private static byte[] b(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static List<MsdpCodec.Variable> parse(byte[] body) {
        return MsdpCodec.parse(body, 0, body.length);
    }

    @Test
    void scalarsTablesAndArraysEncodeByteExact() {
        assertArrayEquals(b(1, "HEALTH", 2, "42"), MsdpCodec.encode("HEALTH", 42));
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("VNUM", 6008);
        room.put("EXITS", List.of("n", "s"));
        assertArrayEquals(b(1, "ROOM", 2, 3, 1, "VNUM", 2, "6008", 1, "EXITS", 2, 5, 2, "n", 2, "s", 6, 4),
                MsdpCodec.encode("ROOM", room));
        assertArrayEquals(b(1, "EMPTY", 2), MsdpCodec.encode("EMPTY", null));
        assertArrayEquals(b(1, "OK", 2, "true"), MsdpCodec.encode("OK", true));
    }

    @Test
    void parsingGivesBackStringsListsAndMaps() {
        List<MsdpCodec.Variable> variables = parse(b(1, "REPORT", 2, "HEALTH", 2, "MANA", 1, "ROOM", 2, 3, 1, "VNUM",
                2, "7", 1, "EXITS", 2, 5, 2, "n", 6, 4, 1, "LIST", 2, "COMMANDS"));
        assertEquals(List.of(new MsdpCodec.Variable("REPORT", List.of("HEALTH", "MANA")),
                new MsdpCodec.Variable("ROOM", Map.of("VNUM", "7", "EXITS", List.of("n"))),
                new MsdpCodec.Variable("LIST", "COMMANDS")), variables);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no VAR", "VAR only", "empty name", "open table", "open array", "stray close",
            "VAR in array"})
    void malformedBodiesAreRefusedSayingWhere(String which) {
        byte[] body = switch (which) {
            case "no VAR" -> b("HEALTH", 2, "1");
            case "VAR only" -> b(1, "HEALTH");
            case "empty name" -> b(1, 2, "1");
            case "open table" -> b(1, "T", 2, 3, 1, "A", 2, "1");
            case "open array" -> b(1, "A", 2, 5, 2, "1");
            case "stray close" -> b(1, "A", 2, "1", 4);
            default -> b(1, "A", 2, 5, 1, "B", 2, "1", 6);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(body));
        assertTrue(e.getMessage().startsWith("malformed MSDP: ") && e.getMessage().contains(" at byte "), e.getMessage());
    }

    @Test
    void nestingIsBoundedBothWays() {
        Object deep = "x";
        for (int i = 0; i <= MsdpCodec.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThrows(IllegalArgumentException.class, () -> MsdpCodec.encode("D", tooDeep));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(b(1, "D", 2));
        for (int i = 0; i < 10_000; i++) {
            body.writeBytes(b(5, 2));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(body.toByteArray()));
        assertTrue(e.getMessage().contains("nested deeper than 16"), e.getMessage());
    }

    @Test
    void textWithAnMsdpControlByteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MsdpCodec.encode("A", "x\u0001y"));
        assertThrows(IllegalArgumentException.class, () -> MsdpCodec.encode(" ", "x"));
        assertThrows(IllegalArgumentException.class, () -> MsdpCodec.encode("A", new Object()));
    }

    @Property(tries = 500)
    void whatIsEncodedParsesBackToItsNormalForm(@ForAll("values") Object value) {
        byte[] body = MsdpCodec.encode("V", value);
        List<MsdpCodec.Variable> parsed = parse(body);
        assertEquals(1, parsed.size());
        Object normal = MsdpCodec.normalise(value);
        // a one-element list after VAL is itself; MSDP cannot tell an array of one from an array in the frame
        assertEquals(normal, parsed.get(0).value());
    }

    @Property(tries = 1000)
    void anyBytesParseOrAreRefusedNeverAnythingElse(@ForAll("bodies") byte[] body) {
        try {
            parse(body);
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().startsWith("malformed MSDP"));
        }
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> text = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(5).map(s -> (Object) s);
        Arbitrary<Object> list = text.list().ofMaxSize(3).map(l -> (Object) l);
        Arbitrary<Object> table = Arbitraries.maps(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1)
                .ofMaxLength(3), Arbitraries.oneOf(text, list)).ofMaxSize(3).map(m -> (Object) m);
        return Arbitraries.oneOf(text, list, table, Arbitraries.integers().map(i -> (Object) i));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.bytes().between((byte) 0, (byte) 8).array(byte[].class).ofMaxSize(60);
    }
}
