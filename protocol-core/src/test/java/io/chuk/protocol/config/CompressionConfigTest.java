package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code compression} key: unset by default (the handler's declaration decides), its three values, and YAML's {@code off} (a boolean). */
class CompressionConfigTest {

    private final ConfigLoader loader = new ConfigLoader(CompressionConfigTest.class.getClassLoader());

    private ServerConfig load(String extra) throws ConfigException {
        return loader.parse("transport: telnet\nhandler_class: " + GoodHandler.class.getName() + "\n" + extra,
                "test.yaml").servers().get(0);
    }

    @Test
    void unsetUnlessGivenAndOffAsAnyYamlSpellsIt() throws ConfigException {
        assertNull(load("").compression(), "unset: as the handler declares");
        assertEquals(Compression.OFF, load("compression: off\n").compression(), "YAML 1.1 reads off as false");
        assertEquals(Compression.OFF, load("compression: \"off\"\n").compression());
    }

    @Test
    void eachValueOffersItsProtocols() throws ConfigException {
        Compression mccp2 = load("compression: mccp2\n").compression();
        assertTrue(mccp2.offersMccp2());
        assertFalse(mccp2.offersMccp3());
        Compression both = load("compression: MCCP2+MCCP3\n").compression();
        assertTrue(both.offersMccp2() && both.offersMccp3());
    }

    @Test
    void anythingElseIsRefusedByName() {
        String unknown = assertThrows(ConfigException.class, () -> load("compression: zstd\n")).getMessage();
        assertTrue(unknown.contains("compression: unknown compression 'zstd' (expected off, mccp2 or mccp2+mccp3)"), unknown);
        String yes = assertThrows(ConfigException.class, () -> load("compression: true\n")).getMessage();
        assertTrue(yes.contains("compression:"), yes);
    }
}
