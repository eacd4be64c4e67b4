package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values that used to fail later, or under another key: each is now reported when the file is
 * loaded, under its own key. Names use the reserved {@code .invalid} domain, which never resolves.
 */
class ConfigKeysTest {

    private static final String SOURCE = "config.yaml";
    private static final String HANDLER = GoodHandler.class.getName();

    private final ConfigLoader loader = new ConfigLoader(ConfigKeysTest.class.getClassLoader());

    private ConfigException rejected(String yaml) {
        return assertThrows(ConfigException.class, () -> loader.parse(yaml, SOURCE));
    }

    private static String tcp(String name, String extra) {
        return "  " + name + ":\n    transport: tcp\n    port: 0\n    handler_class: " + HANDLER + "\n" + extra;
    }

    private static void assertLine(ConfigException e, String line) {
        assertTrue(e.getMessage().lines().anyMatch(l -> l.trim().equals(SOURCE + ": " + line)),
                () -> "expected the line '" + SOURCE + ": " + line + "' in:\n" + e.getMessage());
    }

    @Test
    void anUnresolvableHostIsReportedUnderItsHostKey() {
        ConfigException e = rejected("servers:\n" + tcp("tcp", "    host: nosuch.invalid\n"));
        assertLine(e, "servers.tcp.host: cannot resolve host 'nosuch.invalid'");
        assertEquals(1, e.problems().size(), e::getMessage);
    }

    @Test
    void hostProblemsAreReportedTogetherWithTheOthers() {
        ConfigException e = rejected("servers:\n"
                + tcp("a", "    host: nosuch.invalid\n    colour: red\n")
                + tcp("b", "    host: 300.1.2.3\n")
                + tcp("c", "    host: nosuch.invalid\n    max_connections: -1\n"));
        assertLine(e, "servers.a.colour: unknown key (known keys: " + String.join(", ",
                new java.util.TreeSet<>(ConfigLoader.SERVER_KEYS)) + ")");
        assertLine(e, "servers.a.host: cannot resolve host 'nosuch.invalid'");
        assertLine(e, "servers.b.host: malformed IPv4 address '300.1.2.3' (expected four numbers from 0 to 255 "
                + "without leading zeros, such as 127.0.0.1)");
        assertLine(e, "servers.c.host: cannot resolve host 'nosuch.invalid'");
        assertLine(e, "servers.c.max_connections: must be between 0 and 2147483647, got -1");
        assertEquals(5, e.problems().size(), e::getMessage);
    }

    @Test
    void theSingleServerFormReportsTheHostWithoutPrefix() {
        assertLine(rejected("transport: tcp\nhandler_class: " + HANDLER + "\nhost: nosuch.invalid\n"),
                "host: cannot resolve host 'nosuch.invalid'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.2.3          | malformed IPv4 address '1.2.3'",
        "127.000.0.1    | malformed IPv4 address '127.000.0.1'",
        "'1::2::3'      | malformed IPv6 address '1::2::3'",
        "'::zz'         | malformed host '::zz'",
        "'[127.0.0.1]'  | malformed IPv6 address '[127.0.0.1]'",
        "'127.0.0.1:80' | malformed address '127.0.0.1:80': give the port under the port key, not in host",
        "'[::1]:80'     | malformed address '[::1]:80': give the port under the port key, not in host",
        "'a b'          | malformed host 'a b' (expected an address such as 0.0.0.0 or ::1, or a host name such as localhost)",
        "'-x.example'   | malformed host '-x.example'",
        "'x..example'   | malformed host 'x..example'",
        "'http://x'     | malformed host 'http://x'"})
    void malformedHostsAreReportedUnderTheHostKeyWithoutALookup(String host, String reason) {
        ConfigException e = rejected("servers:\n" + tcp("tcp", "    host: \"" + host + "\"\n"));
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("servers.tcp.host") && p.reason().startsWith(reason)),
                e::getMessage);
        assertEquals(1, e.problems().size(), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "::1", "[::1]", "::", "localhost"})
    void addressesAndResolvableNamesAreAccepted(String host) throws Exception {
        ProtocolConfig config = loader.parse("servers:\n" + tcp("tcp", "    host: \"" + host + "\"\n"), SOURCE);
        assertEquals(host, config.servers().get(0).host(), "kept as written, for the listener to bind");
    }

    @Test
    void hostProblemChecksAHostFromOutsideAFile() {
        assertEquals("cannot resolve host 'nosuch.invalid'", loader.hostProblem("nosuch.invalid").orElseThrow());
        assertTrue(loader.hostProblem("1.2.3").orElseThrow().startsWith("malformed IPv4 address '1.2.3'"));
        assertTrue(loader.hostProblem("127.0.0.1").isEmpty());
        assertTrue(loader.hostProblem("localhost").isEmpty());
    }

    @Test
    void aMissingTlsKeyIsReportedUnderSslKey(@TempDir Path dir) throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Files.writeString(certificate, "not a certificate");
        ConfigException e = rejected("servers:\n" + tcp("tls", "    use_ssl: true\n    ssl_cert: " + certificate
                + "\n    ssl_key: " + dir.resolve("missing-key.pem") + "\n"));
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("servers.tls.ssl_key")
                && p.reason().equals("TLS file not found: " + dir.resolve("missing-key.pem"))), e::getMessage);
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("servers.tls.ssl_cert")
                && p.reason().startsWith("cannot use the TLS certificate: ")), e::getMessage);
        assertEquals(2, e.problems().size(), e::getMessage);
    }

    @Test
    void aTlsPathThatIsNotARegularFileIsRefusedWithoutReadingIt(@TempDir Path dir) {
        ConfigException e = rejected("servers:\n" + tcp("tls", "    use_ssl: true\n    ssl_cert: " + dir
                + "\n    ssl_key: " + dir + "\n"));
        assertLine(e, "servers.tls.ssl_cert: TLS file " + dir + " is not a regular file");
        assertLine(e, "servers.tls.ssl_key: TLS file " + dir + " is not a regular file");
    }
}
