package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static final String SOURCE = "test-config.yaml";
    private static final String HANDLER = GoodHandler.class.getName();

    private final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.class.getClassLoader());

    private ProtocolConfig parse(String yaml) throws ConfigException {
        return loader.parse(yaml, SOURCE);
    }

    private ServerConfig single(String yaml) throws ConfigException {
        ProtocolConfig config = parse(yaml);
        assertEquals(1, config.servers().size(), "number of servers");
        return config.servers().get(0);
    }

    private ConfigException rejected(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    /** The exception names the source, and reports {@code key} with a reason containing {@code reason}. */
    private static void assertProblem(ConfigException e, String key, String reason) {
        String message = e.getMessage();
        String where = key.isEmpty() ? SOURCE + ": " : SOURCE + ": " + key + ": ";
        assertTrue(message.contains(where),
                () -> "message should name source and key '" + where + "' but was:\n" + message);
        assertTrue(message.contains(reason),
                () -> "message should contain reason '" + reason + "' but was:\n" + message);
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals(key) && p.reason().contains(reason)),
                () -> "problems should contain " + key + " / " + reason + " but were " + e.problems());
        assertEquals(SOURCE, e.source());
    }

    private static String multi(String name, String body) {
        return "servers:\n  " + name + ":\n" + body.lines().map(l -> "    " + l).collect(Collectors.joining("\n")) + "\n";
    }

    // ---- good cases -----------------------------------------------------------------------------

    @Nested
    class GoodConfigurations {

        @Test
        void singleServerFormIsNamedAfterItsTransport() throws Exception {
            ServerConfig server = single("""
                    transport: tcp
                    handler_class: %s
                    port: 9000
                    """.formatted(HANDLER));
            assertEquals("tcp", server.name());
            assertEquals(Transport.TCP, server.transport());
            assertEquals(9000, server.port());
            assertSame(GoodHandler.class, server.handlerType());
            assertEquals(HANDLER, server.handlerClass());
        }

        @Test
        void sourceIsRecordedInTheResult() throws Exception {
            assertEquals(SOURCE, parse("transport: tcp\nhandler_class: " + HANDLER + "\n").source());
        }

        @Test
        void multiServerFormReadsAllFourEntriesInFileOrder() throws Exception {
            ProtocolConfig config = parse("""
                    servers:
                      my_telnet:
                        transport: telnet
                        handler_class: %1$s
                      my_tcp:
                        transport: tcp
                        handler_class: %1$s
                      my_ws:
                        transport: websocket
                        handler_class: %1$s
                      my_ws_telnet:
                        transport: ws_telnet
                        handler_class: %1$s
                    """.formatted(HANDLER));
            List<ServerConfig> servers = config.servers();
            assertEquals(List.of("my_telnet", "my_tcp", "my_ws", "my_ws_telnet"),
                    servers.stream().map(ServerConfig::name).toList());
            assertEquals(List.of(Transport.TELNET, Transport.TCP, Transport.WEBSOCKET, Transport.WS_TELNET),
                    servers.stream().map(ServerConfig::transport).toList());
            assertEquals(List.of(8023, 8024, 8025, 8026), servers.stream().map(ServerConfig::port).toList(),
                    "each transport's default port");
        }

        @ParameterizedTest
        @CsvSource({"telnet,8023", "tcp,8024", "websocket,8025", "ws_telnet,8026"})
        void defaultPortDependsOnTransport(String transport, int port) throws Exception {
            assertEquals(port, single("transport: " + transport + "\nhandler_class: " + HANDLER + "\n").port());
        }

        @Test
        void everyOptionalKeyHasItsDefaultWhenAbsent() throws Exception {
            ServerConfig server = single("transport: websocket\nhandler_class: " + HANDLER + "\n");
            assertAll(
                    () -> assertEquals("127.0.0.1", server.host()),
                    () -> assertEquals(8025, server.port()),
                    () -> assertEquals(100, server.maxConnections()),
                    () -> assertEquals(Duration.ofSeconds(300), server.connectionTimeout()),
                    () -> assertTrue(server.hasConnectionTimeout()),
                    () -> assertNull(server.welcomeMessage()),
                    () -> assertEquals("/ws", server.wsPath()),
                    () -> assertEquals(List.of("*"), server.allowOrigins()),
                    () -> assertFalse(server.useSsl()),
                    () -> assertNull(server.sslCert()),
                    () -> assertNull(server.sslKey()),
                    () -> assertEquals(Duration.ofSeconds(30), server.pingInterval()),
                    () -> assertEquals(Duration.ofSeconds(10), server.pingTimeout()),
                    () -> assertFalse(server.enableMonitoring()),
                    () -> assertEquals("/monitor", server.monitorPath()),
                    () -> assertEquals(8192, server.maxLineLength()));
        }

        @Test
        void wsTelnetDefaultPathIsWsTelnet() throws Exception {
            assertEquals("/ws_telnet", single("transport: ws_telnet\nhandler_class: " + HANDLER + "\n").wsPath());
        }

        @Test
        void rawTransportsHaveNoWsPath() throws Exception {
            assertNull(single("transport: tcp\nhandler_class: " + HANDLER + "\n").wsPath());
            assertNull(single("transport: telnet\nhandler_class: " + HANDLER + "\nws_path: /x\n").wsPath(),
                    "ws_path is ignored (only warned about) on a raw transport");
        }

        @Test
        void everyKeyIsReadWhenGiven() throws Exception {
            ServerConfig server = single("""
                    host: 0.0.0.0
                    port: 9100
                    transport: websocket
                    handler_class: %s
                    max_connections: 7
                    connection_timeout: 42
                    welcome_message: Hi there
                    ws_path: /chat
                    allow_origins: [http://a.example, http://b.example]
                    use_ssl: false
                    ping_interval: 5
                    ping_timeout: 2
                    enable_monitoring: true
                    monitor_path: /mon
                    max_line_length: 100
                    """.formatted(HANDLER));
            assertAll(
                    () -> assertEquals("0.0.0.0", server.host()),
                    () -> assertEquals(9100, server.port()),
                    () -> assertEquals(7, server.maxConnections()),
                    () -> assertEquals(Duration.ofSeconds(42), server.connectionTimeout()),
                    () -> assertEquals("Hi there", server.welcomeMessage()),
                    () -> assertEquals("/chat", server.wsPath()),
                    () -> assertEquals(List.of("http://a.example", "http://b.example"), server.allowOrigins()),
                    () -> assertEquals(Duration.ofSeconds(5), server.pingInterval()),
                    () -> assertEquals(Duration.ofSeconds(2), server.pingTimeout()),
                    () -> assertTrue(server.enableMonitoring()),
                    () -> assertEquals("/mon", server.monitorPath()),
                    () -> assertEquals(100, server.maxLineLength()));
        }

        @Test
        void decimalSecondsAreAccepted() throws Exception {
            ServerConfig server = single("transport: tcp\nhandler_class: " + HANDLER
                    + "\nconnection_timeout: 0.5\nping_interval: 1.25\n");
            assertEquals(Duration.ofMillis(500), server.connectionTimeout());
            assertEquals(Duration.ofMillis(1250), server.pingInterval());
        }

        @Test
        void tlsHandshakeTimeoutDefaultsToTenSecondsAndTakesDecimals() throws Exception {
            assertEquals(Duration.ofSeconds(10), single("transport: tcp\nhandler_class: " + HANDLER + "\n")
                    .limits().tlsHandshakeTimeout());
            assertEquals(Duration.ofMillis(2500), single("transport: telnet\nhandler_class: " + HANDLER
                    + "\nuse_ssl: false\ntls_handshake_timeout: 2.5\n").limits().tlsHandshakeTimeout());
        }

        @Test
        void nullConnectionTimeoutMeansNone() throws Exception {
            ServerConfig server = single("transport: tcp\nhandler_class: " + HANDLER + "\nconnection_timeout: null\n");
            assertEquals(Duration.ZERO, server.connectionTimeout());
            assertFalse(server.hasConnectionTimeout());
        }

        @Test
        void zeroMaxConnectionsMeansUnlimitedAndIsAccepted() throws Exception {
            assertEquals(0, single("transport: tcp\nhandler_class: " + HANDLER + "\nmax_connections: 0\n").maxConnections());
        }

        @Test
        void pathsWithoutLeadingSlashGetOne() throws Exception {
            ServerConfig server = single("transport: websocket\nhandler_class: " + HANDLER
                    + "\nws_path: \"ws\"\nmonitor_path: mon\n");
            assertEquals("/ws", server.wsPath());
            assertEquals("/mon", server.monitorPath());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "io.chuk.protocol.config.testhandlers.GoodHandler",
                "io.chuk.protocol.config.testhandlers:GoodHandler",
                "  io.chuk.protocol.config.testhandlers:GoodHandler  "})
        void handlerClassAcceptsDottedAndColonForms(String spec) throws Exception {
            ServerConfig server = single("transport: tcp\nhandler_class: \"" + spec + "\"\n");
            assertSame(GoodHandler.class, server.handlerType());
            assertEquals(HANDLER, server.handlerClass());
        }

        @Test
        void sslKeysWithoutUseSslAreKeptAndNotRequired() throws Exception {
            ServerConfig server = single("transport: websocket\nhandler_class: " + HANDLER
                    + "\nssl_cert: cert.pem\nssl_key: \"\"\n");
            assertFalse(server.useSsl());
            assertEquals("cert.pem", server.sslCert());
            assertNull(server.sslKey(), "an empty ssl_key counts as unset");
        }

        @Test
        void monitorPathEqualToWsPathIsFineWithoutMonitoring() throws Exception {
            assertEquals("/ws", single("transport: websocket\nhandler_class: " + HANDLER
                    + "\nmonitor_path: /ws\n").monitorPath());
        }

        @Test
        void portZeroIsAllowedTwice() throws Exception {
            ProtocolConfig config = parse(("servers:\n  a: {transport: tcp, handler_class: %1$s, port: 0}\n"
                    + "  b: {transport: telnet, handler_class: %1$s, port: 0}\n").formatted(HANDLER));
            assertEquals(2, config.servers().size());
        }

        @Test
        void loadReadsAFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("server.yaml");
            Files.writeString(file, "transport: telnet\nhandler_class: " + HANDLER + "\nport: 9999\n",
                    StandardCharsets.UTF_8);
            ProtocolConfig config = loader.load(file);
            assertEquals(file.toString(), config.source());
            assertEquals(9999, config.servers().get(0).port());
        }

        @Test
        void loadResourceReadsFromTheClassPath() throws Exception {
            ProtocolConfig config = loader.loadResource("config/echo-test.yaml");
            assertEquals("classpath:config/echo-test.yaml", config.source());
            ServerConfig server = config.servers().get(0);
            assertEquals("telnet", server.name());
            assertEquals(9023, server.port());
            assertEquals("Hello from the classpath", server.welcomeMessage());
        }

        @Test
        void defaultConstructorUsesTheContextClassLoader() throws Exception {
            assertSame(GoodHandler.class, new ConfigLoader().resolveHandler(HANDLER));
        }
    }

    // ---- bad cases ------------------------------------------------------------------------------

    @Nested
    class BadConfigurations {

        @Test
        void unknownKeyIsReportedWithItsDottedPath() {
            ConfigException e = rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nprot: 9000"));
            assertProblem(e, "servers.tcp.prot", "unknown key");
            assertTrue(e.getMessage().contains("port"), "lists the known keys");
        }

        @Test
        void unknownKeyInSingleServerForm() {
            assertProblem(rejected("transport: tcp\nhandler_class: " + HANDLER + "\ncolour: blue\n"), "colour", "unknown key");
        }

        @Test
        void unknownTopLevelKeyBesideServers() {
            ConfigException e = rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER) + "logging: debug\n");
            assertProblem(e, "logging", "unknown top-level key");
        }

        @Test
        void portMustBeAnInteger() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nport: \"abc\"")),
                    "servers.tcp.port", "must be an integer, got string 'abc'");
        }

        @Test
        void maxConnectionsMustBeAnInteger() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nmax_connections: true")),
                    "servers.tcp.max_connections", "must be an integer, got boolean 'true'");
        }

        @Test
        void allowOriginsMustBeAList() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER + "\nallow_origins: \"x\"")),
                    "servers.ws.allow_origins", "must be a list of strings");
        }

        @Test
        void allowOriginsMustContainOnlyStrings() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER + "\nallow_origins: [a, 5]")),
                    "servers.ws.allow_origins", "must be a list of strings");
        }

        @Test
        void useSslMustBeABoolean() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER + "\nuse_ssl: \"yes\"")),
                    "servers.ws.use_ssl", "must be true or false, got string 'yes'");
        }

        @Test
        void welcomeMessageMustBeAString() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nwelcome_message: 5")),
                    "servers.tcp.welcome_message", "must be a string, got number '5'");
        }

        @Test
        void connectionTimeoutMustBeANonNegativeNumber() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nconnection_timeout: soon")),
                    "servers.tcp.connection_timeout", "must be a number of seconds");
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nconnection_timeout: -1")),
                    "servers.tcp.connection_timeout", "must be between 0 and");
        }

        @Test
        void tlsHandshakeTimeoutMustBeAPositiveNumber() {
            for (String value : new String[] {"0", "null", "0.0001"}) {
                assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\ntls_handshake_timeout: " + value)),
                        "servers.tcp.tls_handshake_timeout", "must be more than 0 seconds");
            }
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\ntls_handshake_timeout: soon")),
                    "servers.tcp.tls_handshake_timeout", "must be a number of seconds");
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\ntls_handshake_timeout: -3")),
                    "servers.tcp.tls_handshake_timeout", "must be between 0 and");
        }

        @Test
        void maxLineLengthMustBePositive() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nmax_line_length: 0")),
                    "servers.tcp.max_line_length", "must be between 1 and");
        }

        @Test
        void wsPathMustBeAUrlPath() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER + "\nws_path: \"a b\"")),
                    "servers.ws.ws_path", "must be a URL path");
        }

        @Test
        void hostMustNotBeEmpty() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nhost: \"\"")),
                    "servers.tcp.host", "must not be empty");
        }

        @Test
        void unknownTransport() {
            assertProblem(rejected(multi("x", "transport: carrier_pigeon\nhandler_class: " + HANDLER)),
                    "servers.x.transport", "unknown transport 'carrier_pigeon'");
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 65536, 70000})
        void portOutOfRange(int port) {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + HANDLER + "\nport: " + port)),
                    "servers.tcp.port", "must be between 0 and 65535, got " + port);
        }

        @Test
        void duplicatePortAcrossEntries() {
            ConfigException e = rejected("""
                    servers:
                      first:
                        transport: tcp
                        handler_class: %1$s
                        port: 9000
                      second:
                        transport: telnet
                        handler_class: %1$s
                        port: 9000
                    """.formatted(HANDLER));
            assertProblem(e, "servers.second.port", "port 9000 is already used by server 'first'");
            assertEquals(1, e.problems().size());
        }

        @Test
        void duplicateDefaultPortAcrossEntriesOfTheSameTransport() {
            ConfigException e = rejected(("servers:\n  a: {transport: tcp, handler_class: %1$s}\n"
                    + "  b: {transport: tcp, handler_class: %1$s}\n").formatted(HANDLER));
            assertProblem(e, "servers.b.port", "port 8024 is already used by server 'a'");
        }

        @Test
        void handlerClassNotFound() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: com.example.Missing")),
                    "servers.tcp.handler_class", "handler class 'com.example.Missing' not found");
        }

        @Test
        void handlerClassInColonFormNotFoundNamesTheJavaClass() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: com.example:Missing")),
                    "servers.tcp.handler_class", "handler class 'com.example.Missing' not found");
        }

        @Test
        void handlerClassThatIsNotAHandler() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: java.lang.String")),
                    "servers.tcp.handler_class", "'java.lang.String' is not a handler");
        }

        @Test
        void abstractHandlerClass() {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: "
                            + "io.chuk.protocol.config.testhandlers.AbstractTestHandler")),
                    "servers.tcp.handler_class", "is abstract");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a:b:c", "\":Handler\"", "\"package:\"", "\"\"", "\"a.b:c:D\""})
        void malformedHandlerClass(String spec) {
            assertProblem(rejected(multi("tcp", "transport: tcp\nhandler_class: " + spec)),
                    "servers.tcp.handler_class", "is not a class name or 'package:ClassName'");
        }

        @Test
        void missingTransport() {
            assertProblem(rejected(multi("x", "handler_class: " + HANDLER)), "servers.x.transport", "required");
        }

        @Test
        void missingHandlerClass() {
            assertProblem(rejected(multi("tcp", "transport: tcp")), "servers.tcp.handler_class", "required");
        }

        @Test
        void missingBothInSingleServerFormIsReportedWithoutPrefix() {
            ConfigException e = rejected("port: 9000\n");
            assertProblem(e, "transport", "required");
            assertProblem(e, "handler_class", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n", "# only a comment\n", "null\n", "{}\n"})
        void emptyFile(String text) {
            assertProblem(rejected(text), "", "empty or invalid configuration");
        }

        @Test
        void topLevelThatIsNotAMap() {
            assertProblem(rejected("- a\n- b\n"), "", "empty or invalid configuration");
        }

        @Test
        void yamlSyntaxError() {
            assertProblem(rejected("transport: tcp\nport: [1, 2\n"), "", "not valid YAML");
        }

        @Test
        void yamlDuplicateKey() {
            ConfigException e = rejected("transport: tcp\nport: 1\nport: 2\nhandler_class: " + HANDLER + "\n");
            assertProblem(e, "", "not valid YAML");
            assertTrue(e.getMessage().contains("duplicate key port"), e::getMessage);
        }

        @Test
        void yamlTagsForArbitraryTypesAreRefused() {
            assertProblem(rejected("transport: !!java.util.Date {}\n"), "", "not valid YAML");
        }

        @ParameterizedTest
        @ValueSource(strings = {"servers:\n", "servers: {}\n", "servers: []\n", "servers: tcp\n"})
        void emptyServers(String text) {
            assertProblem(rejected(text), "servers", "must be a non-empty map");
        }

        @Test
        void serverEntryThatIsNotAMap() {
            ConfigException e = rejected(multi("ok", "transport: tcp\nhandler_class: " + HANDLER) + "  broken: 5\n");
            assertProblem(e, "servers.broken", "must be a map of server settings");
            assertEquals(1, e.problems().size());
        }

        @Test
        void useSslWithoutCertificateAndKey() {
            ConfigException e = rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER + "\nuse_ssl: true"));
            assertProblem(e, "servers.ws.ssl_cert", "required when use_ssl is true");
            assertProblem(e, "servers.ws.ssl_key", "required when use_ssl is true");
        }

        @Test
        void useSslWithMissingCertificateFilesIsRefused() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER
                            + "\nuse_ssl: true\nssl_cert: missing-c.pem\nssl_key: missing-k.pem")),
                    "servers.ws.ssl_cert", "TLS file not found: missing-c.pem");
        }

        @Test
        void metricsOrHealthOnAPathTheEntryAlreadyServesIsRefused() {
            assertProblem(rejected(multi("ws", "transport: ws_telnet\nhandler_class: " + HANDLER
                            + "\nweb_terminal: true\nenable_metrics: true\nmetrics_path: /")),
                    "servers.ws.metrics_path", "path / is already served by web_terminal");
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER
                            + "\nenable_health: true\nhealth_path: /ws")),
                    "servers.ws.health_path", "path /ws is already served by ws_path");
        }

        @Test
        void monitorPathEqualToWsPathWithMonitoringOn() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER
                            + "\nenable_monitoring: true\nws_path: /live\nmonitor_path: live")),
                    "servers.ws.monitor_path", "must differ from ws_path (/live)");
        }

        @Test
        void dashboardPathEqualToTheMonitorPathWithMonitoringOn() {
            assertProblem(rejected(multi("ws", "transport: websocket\nhandler_class: " + HANDLER
                            + "\nenable_monitoring: true\nmonitor_path: /ops\ndashboard_path: /ops")),
                    "servers.ws.dashboard_path", "must differ from ws_path and monitor_path (/ops)");
        }

        @Test
        void webTerminalNeedsAWsPathOtherThanTheRootItsPageIsServedAt() {
            assertProblem(rejected(multi("ws", "transport: ws_telnet\nhandler_class: " + HANDLER
                            + "\nweb_terminal: true\nws_path: /")),
                    "servers.ws.web_terminal", "needs ws_path other than / (the page is served at /)");
        }

        @Test
        void severalProblemsAreReportedTogether() {
            ConfigException e = rejected("""
                    servers:
                      one:
                        transport: tcp
                        handler_class: %1$s
                        port: 70000
                        colour: red
                      two:
                        transport: smoke_signals
                        handler_class: java.lang.String
                      three: nope
                    extra: 1
                    """.formatted(HANDLER));
            assertProblem(e, "extra", "unknown top-level key");
            assertProblem(e, "servers.one.port", "must be between 0 and 65535");
            assertProblem(e, "servers.one.colour", "unknown key");
            assertProblem(e, "servers.two.transport", "unknown transport");
            assertProblem(e, "servers.two.handler_class", "is not a handler");
            assertProblem(e, "servers.three", "must be a map");
            assertEquals(6, e.problems().size(), () -> "problems: " + e.problems());
            assertEquals(7, e.getMessage().lines().count(), "a header line plus one line per problem");
        }

        @Test
        void loadOfAMissingFileSaysNotFoundAndNamesTheFile(@TempDir Path dir) {
            Path missing = dir.resolve("nope.yaml");
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing));
            assertTrue(e.getMessage().contains(missing.toString()), e::getMessage);
            assertTrue(e.getMessage().contains("not found"), e::getMessage);
            assertEquals(missing.toString(), e.source());
        }

        @Test
        void loadOfADirectorySaysItCannotBeRead(@TempDir Path dir) {
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir));
            assertTrue(e.getMessage().contains(dir.toString()), e::getMessage);
            assertTrue(e.getMessage().contains("cannot read"), e::getMessage);
        }

        @Test
        void loadOfAnInvalidFileNamesTheFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, "transport: tcp\nhandler_class: " + HANDLER + "\nport: x\n");
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
            assertTrue(e.getMessage().contains(file + ": port: must be an integer"), e::getMessage);
        }

        @Test
        void loadResourceOfAMissingResource() {
            ConfigException e = assertThrows(ConfigException.class, () -> loader.loadResource("config/none.yaml"));
            assertTrue(e.getMessage().contains("classpath:config/none.yaml"), e::getMessage);
            assertTrue(e.getMessage().contains("resource not found"), e::getMessage);
        }
    }
}
