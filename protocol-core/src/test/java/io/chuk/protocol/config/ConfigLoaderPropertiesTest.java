package io.chuk.protocol.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text, and any mutation of a valid file, either loads or fails with a ConfigException whose
 * message stays bounded (one line per problem, no line past the limit); nothing else escapes.
 */
class ConfigLoaderPropertiesTest {

    private static final String VALID = """
            servers:
              telnet:
                port: 8023
                transport: telnet
                handler_class: io.chuk.protocol.config.testhandlers.GoodHandler
                max_connections: 10
                connection_timeout: 1.5
                allow_origins: ["*"]
            """;

    @Property
    void mutatedConfigurationsLoadOrFailCleanly(@ForAll("mutations") String yaml) {
        try {
            new ConfigLoader().parse(yaml, "fuzz.yaml");
        } catch (ConfigException expected) {
            List<String> lines = expected.getMessage().lines().toList();
            assertTrue(lines.size() <= ConfigException.MAX_LISTED + 2, () -> lines.size() + " lines");
            assertTrue(lines.stream().allMatch(l -> l.length() <= ConfigException.MAX_LINE + 20), expected::getMessage);
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> mutated = Arbitraries.integers().between(0, VALID.length() - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.of(":", "-", "[", "{", "'", "\"", "\n", " ", "!!", "&a", "*a", "99999", "null", "",
                                "!!int ", "!!binary ", "? ", "<<: *a\n", "[[[[", "\\x0c", "\u00e9", "::1")
                        .list().ofSize(positions.size()).map(inserts -> {
                            StringBuilder text = new StringBuilder(VALID);
                            for (int i = 0; i < positions.size(); i++) {
                                int at = Math.min(positions.get(i), text.length());
                                text.insert(at, inserts.get(i));
                            }
                            return text.toString();
                        }));
        return Arbitraries.oneOf(mutated, Arbitraries.strings().ofMaxLength(200));
    }
}
