package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key declarations against each other, against the README's key table, and what ServerConfig builds from them. */
class ServerKeysTest {

    private static final String TABLE_HEADER = "| key | default | meaning |";
    private static final Pattern KEY_NAME = Pattern.compile("`([a-z_]+)`");

    @Test
    void everyDeclaredKeyIsListedOnceInAllKeys() throws IllegalAccessException {
        List<ConfigKey<?>> declared = new ArrayList<>();
        for (Field field : ServerKeys.class.getDeclaredFields()) {
            if (field.getType() == ConfigKey.class && Modifier.isStatic(field.getModifiers())) {
                declared.add((ConfigKey<?>) field.get(null));
            }
        }
        assertEquals(declared.size(), ServerKeys.ALL_KEYS.size(), "fields vs ALL_KEYS");
        assertTrue(ServerKeys.ALL_KEYS.containsAll(declared), "every ConfigKey field is in ALL_KEYS");
        assertEquals(declared.size(), ConfigLoader.SERVER_KEYS.size(), "names are unique");
        for (ConfigKey<?> key : ServerKeys.ALL_KEYS) {
            assertEquals(key, ServerKeys.byName(key.name()).orElseThrow());
            assertFalse(key.doc().isBlank(), key.name() + " has a doc line");
        }
    }

    @Test
    void theReadmeKeyTableListsExactlyTheDeclaredKeys() throws IOException {
        Map<String, String> documented = readmeDefaults();
        assertEquals(new TreeSet<>(ConfigLoader.SERVER_KEYS), new TreeSet<>(documented.keySet()),
                "README '" + TABLE_HEADER + "' table vs ServerKeys");
    }

    @Test
    void theReadmeKeyTableStatesEachFixedDefault() throws IOException {
        Map<String, String> documented = readmeDefaults();
        int compared = 0;
        for (ConfigKey<?> key : ServerKeys.ALL_KEYS) {
            String doc = documented.get(key.name());
            boolean fixed = !key.required() && Arrays.stream(Transport.values())
                    .map(key::defaultFor).distinct().count() == 1;
            if (fixed && doc != null) {
                assertEquals(render(key.defaultFor(Transport.TCP)), doc, "README default of " + key.name());
                compared++;
            }
        }
        assertEquals(ServerKeys.ALL_KEYS.size() - 4, compared, "all but transport, handler_class, port, ws_path");
    }

    @Test
    void defaultsFollowTheDeclarations() {
        ServerConfig config = ServerConfig.defaults("ws", "127.0.0.1", 0, Transport.WEBSOCKET, GoodHandler.class);
        for (ConfigKey<?> key : ServerKeys.ALL_KEYS) {
            if (!key.required() && key != ServerKeys.HOST && key != ServerKeys.PORT) {
                assertEquals(key.defaultFor(Transport.WEBSOCKET), config.get(key), key.name());
            }
        }
        assertEquals(GoodHandler.class.getName(), config.handlerClass());
        assertEquals("/ws", config.wsPath());
        assertEquals(new Limits(50, 20, 4 * 1024 * 1024, 1024, Duration.ofSeconds(5), Duration.ofSeconds(30), 64,
                Duration.ofSeconds(10), 100, Duration.ofSeconds(10)), config.limits());
        assertEquals(new Observability(false, "/metrics", false, "/health"), config.observability());
    }

    @Test
    void withChangesOneValueAndKeepsTheOthers() {
        ServerConfig base = ServerConfig.defaults("tcp", "127.0.0.1", 8024, Transport.TCP, GoodHandler.class);
        ServerConfig changed = base.with(ServerKeys.MAX_OUTPUT_BUFFER, 128 * 1024).withAddress("::1", 9000);
        assertEquals(128 * 1024, changed.limits().maxOutputBuffer());
        assertEquals("::1", changed.host());
        assertEquals(9000, changed.port());
        assertEquals(4 * 1024 * 1024, base.limits().maxOutputBuffer(), "the original is unchanged");
        assertNotEquals(base, changed);
        assertEquals(base, changed.withAddress("127.0.0.1", 8024).with(ServerKeys.MAX_OUTPUT_BUFFER, 4 * 1024 * 1024));
        assertEquals(base.hashCode(), ServerConfig.defaults("tcp", "127.0.0.1", 8024, Transport.TCP,
                GoodHandler.class).hashCode());
    }

    @Test
    void aKeyThatMayNotBeUnsetIsRefusedByName() {
        ServerConfig base = ServerConfig.defaults("tcp", "127.0.0.1", 0, Transport.TCP, GoodHandler.class);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> base.with(ServerKeys.CONNECTION_TIMEOUT, null));
        assertEquals("connection_timeout", e.getMessage());
        assertThrows(NullPointerException.class,
                () -> ServerConfig.builder("tcp", Transport.TCP).build(), "a handler type is required");
        assertEquals(null, base.with(ServerKeys.WELCOME_MESSAGE, null).welcomeMessage(), "optional keys may be unset");
    }

    @Test
    void listsAreCopied() {
        List<String> origins = new ArrayList<>(List.of("https://a.example"));
        ServerConfig config = ServerConfig.defaults("ws", "127.0.0.1", 0, Transport.WEBSOCKET, GoodHandler.class)
                .with(ServerKeys.ALLOW_ORIGINS, origins);
        origins.add("https://b.example");
        assertEquals(List.of("https://a.example"), config.allowOrigins());
        assertThrows(UnsupportedOperationException.class, () -> config.allowOrigins().add("x"));
    }

    /** The README's spelling of a default: numbers and booleans as such, seconds as a number, strings in backticks. */
    private static String render(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Duration duration) {
            return String.valueOf(duration.toSeconds());
        }
        if (value instanceof TelnetKeepalive keepalive) {
            return "`" + keepalive.yamlName() + "`";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> "\"" + item + "\"").collect(Collectors.joining(", ", "`[", "]`"));
        }
        return value instanceof String ? "`" + value + "`" : String.valueOf(value);
    }

    /** Key name to the README's default, from the configuration key table; a row may name several keys. */
    private static Map<String, String> readmeDefaults() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf(TABLE_HEADER);
        assertTrue(start >= 0, "README has the table '" + TABLE_HEADER + "'");
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            List<String> names = new ArrayList<>();
            Matcher matcher = KEY_NAME.matcher(cells[1]);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            String[] values = cells[2].trim().split(", ");
            for (int n = 0; n < names.size(); n++) {
                assertFalse(defaults.containsKey(names.get(n)), names.get(n) + " is in the README table once");
                defaults.put(names.get(n), values.length == names.size() ? values[n].trim() : cells[2].trim());
            }
        }
        return defaults;
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isRegularFile(dir.resolve("protocol-core/pom.xml"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
    }
}
