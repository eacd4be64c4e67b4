package io.chuk.protocol.telnet.mud;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GMCP messages, their JSON, and what a client says about itself. */
class GmcpTest {

    private static GmcpMessage parse(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return GmcpMessage.parse(body, 0, body.length);
    }

    @Test
    void aMessageIsAPackageAndJson() {
        assertEquals(new GmcpMessage("Core.Hello", "{\"client\":\"Mudlet\"}"), parse("Core.Hello {\"client\":\"Mudlet\"}"));
        assertEquals(new GmcpMessage("Core.Ping", ""), parse("Core.Ping"));
        assertEquals("Char.Vitals {\"hp\":1}", new String(new GmcpMessage("Char.Vitals", "{\"hp\":1}").body(),
                StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> parse(" {}"));
        assertThrows(IllegalArgumentException.class, () -> GmcpMessage.parse(new byte[] {'A', ' ', (byte) 0xC3}, 0, 3),
                "not UTF-8");
        assertThrows(IllegalArgumentException.class, () -> parse("x".repeat(129)));
    }

    @Test
    void valuesBecomeJsonAndBack() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("hp", 100);
        value.put("name", "Zoë \"the\" brave");
        value.put("flags", Arrays.asList(true, null, 1.5));
        String json = Json.write(value);
        assertEquals("{\"hp\":100,\"name\":\"Zoë \\\"the\\\" brave\",\"flags\":[true,null,1.5]}", json);
        assertEquals(Map.of("hp", 100L, "name", "Zoë \"the\" brave", "flags", Arrays.asList(true, null, 1.5)),
                Json.read(json));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }

    @Test
    void malformedJsonIsRefusedWithAReason() {
        for (String bad : List.of("{\"hp\":", "{hp:1}", "[1,2", "1 2", "", "[".repeat(40) + "]".repeat(40))) {
            Json.Malformed e = assertThrows(Json.Malformed.class, () -> Json.read(bad), bad);
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), bad);
        }
    }

    @Test
    void theClientsHelloAndSupportsAreKept() {
        GmcpClient client = new GmcpClient();
        assertNull(client.apply("Core.Hello", Map.of("client", "Mudlet", "version", "4.17")));
        assertEquals(Map.of("client", "Mudlet", "version", "4.17"), client.hello());
        assertNull(client.apply("Core.Supports.Set", List.of("Char 1", "Room 2")));
        assertTrue(client.supports("Char.Vitals"));
        assertTrue(client.supports("room"));
        assertFalse(client.supports("Comm.Channel"));
        assertNull(client.apply("core.supports.add", List.of("Comm.Channel 1")));
        assertNull(client.apply("Core.Supports.Remove", List.of("Char")));
        assertEquals(Map.of("Room", 2, "Comm.Channel", 1), client.supported());
        assertEquals("Core.Supports.Set must be a JSON array", client.apply("Core.Supports.Set", "Char 1"));
        assertEquals("Core.Supports entry 'Char x' has no numeric version",
                client.apply("Core.Supports.Add", List.of("Char x")));
        assertNull(client.apply("Char.Other", "anything"), "other packages are not the client's business");
    }

    @Test
    void theSupportedListIsBounded() {
        GmcpClient client = new GmcpClient();
        List<String> many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "P" + i + " 1").toList();
        client.apply("Core.Supports.Set", many);
        assertEquals(GmcpClient.MAX_PACKAGES, client.supported().size());
    }
}
