package io.chuk.protocol.war;

import io.chuk.protocol.web.BrowserPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built WAR on real distributions fetched from Maven Central (Tomcat 10.1 and 11, jetty-home
 * 12.1): deployed unchanged as {@code protocol.war} with {@code CHUK_CONFIG} pointing at a YAML,
 * WebSocket echo under the context path, the browser terminal page (echo and resize in headless
 * Chromium, screenshots in {@code target/screenshots}), the monitor token, the operator dashboard listing a
 * session, telnet echo on the companion port, a
 * goodbye on container stop and every port free afterwards.
 */
class DistributionIT {

    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(60);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"dist.tomcat10", "dist.tomcat11", "dist.jetty"})
    void servesEveryTransportAndStopsClean(String distribution) throws Exception {
        int http = TestClients.freePort();
        int telnet = TestClients.freePort();
        int commands = TestClients.freePort();
        Path yaml = writeYaml(telnet, commands);
        String ws = "ws://127.0.0.1:" + http + "/protocol";
        try (ContainerProcess container = container(distribution, http, yaml)) {
            container.start();
            try (TestClients.Ws echo = TestClients.Ws.connectWithin(ws + "/ws", DEPLOY_WAIT)) {
                echo.send("hello");
                echo.await("Echo: hello");
            }
            try (TestClients.Ws terminal = TestClients.Ws.connect(ws + "/ws_telnet")) {
                terminal.awaitInBinaryStream("> ");
                terminal.sendBinary("hello\r\n");
                terminal.awaitInBinaryStream("Echo: hello\r\n> ");
            }
            assertEquals(401, TestClients.handshakeStatus(ws + "/monitor"), "monitor without a token");
            assertEquals(403, TestClients.handshakeStatus(ws + "/monitor?token=wrong"), "monitor with a wrong token");
            assertEquals(101, TestClients.handshakeStatus(ws + "/monitor?token=s3cret"), "monitor with the token");

            String metrics = TestClients.httpGet("http://127.0.0.1:" + http + "/protocol/metrics");
            assertTrue(metrics.contains("chuk_sessions_opened_total{server=\"websocket\",transport=\"websocket\"}"), metrics);
            assertEquals("{\"status\": \"UP\"}", TestClients.httpGet("http://127.0.0.1:" + http + "/protocol/health"));
            assertEquals("200", TestClients.statusAndAllow("HEAD", "http://127.0.0.1:" + http + "/protocol/metrics"));
            assertEquals("405 GET, HEAD", TestClients.statusAndAllow("POST", "http://127.0.0.1:" + http + "/protocol/metrics"));
            assertEquals("405 GET, HEAD", TestClients.statusAndAllow("DELETE", "http://127.0.0.1:" + http + "/protocol/health/ready"));
            assertEquals("405 GET, HEAD", TestClients.statusAndAllow("OPTIONS", "http://127.0.0.1:" + http + "/protocol/health"));
            // The browser terminal of the ws_telnet entry (preferred over the websocket entry's line page).
            String page = "http://127.0.0.1:" + http + "/protocol/";
            assertTrue(TestClients.httpGet(page).contains("data-ws-path=\"/ws_telnet\""), "the terminal page");
            assertEquals("200", TestClients.statusAndAllow("HEAD", page + "vendor/xterm.js"));
            assertEquals("405 GET, HEAD", TestClients.statusAndAllow("POST", page));
            String browser = BrowserPages.run(Path.of("target", "browser"), "terminal-echo", page,
                    Path.of("target", "screenshots", distribution));
            assertTrue(browser.startsWith("OK "), browser);
            try (TestClients.Line injected = new TestClients.Line(commands)) {
                injected.await("> ", Duration.ofSeconds(10));
                injected.send("uptime\n"); // answered from a CDI-injected application bean
                injected.await("Server uptime: 0 days", Duration.ofSeconds(10));
                // The operator dashboard, under the context path, lists this tcp session.
                try (BrowserPages dashboard = BrowserPages.start(Path.of("target", "browser"), "dashboard.mjs", "listed",
                        "http://127.0.0.1:" + http + "/protocol/dashboard", Path.of("target", "screenshots", distribution))) {
                    String listed = dashboard.result();
                    assertTrue(listed.startsWith("OK "), listed);
                }
            }
            try (TestClients.Line client = new TestClients.Line(telnet)) {
                client.await("> ", Duration.ofSeconds(10));
                client.send("hello\r\n");
                client.await("Echo: hello", Duration.ofSeconds(10));

                container.stop();
                String received = client.awaitClose(Duration.ofSeconds(10));
                assertTrue(received.contains("Server is shutting down. Goodbye!"), received);
            }
            assertTrue(container.log().contains("io.chuk.protocol.war"), "our log lines reach the container log");
        }
        assertTrue(TestClients.isFree(http), "HTTP port " + http + " is free after the stop");
        assertTrue(TestClients.isFree(telnet), "telnet port " + telnet + " is free after the stop");
        assertTrue(TestClients.isFree(commands), "tcp port " + commands + " is free after the stop");
    }

    @Test
    void redeployBindsTheCompanionPortAgainAtOnce() throws Exception {
        int http = TestClients.freePort();
        int telnet = TestClients.freePort();
        try (ContainerProcess container = container("dist.tomcat10", http, writeYaml(telnet, TestClients.freePort()))) {
            container.start();
            container.awaitLog("Protocol server started", DEPLOY_WAIT);
            try (TestClients.Line client = new TestClients.Line(telnet)) {
                client.await("> ", Duration.ofSeconds(10));
                container.touchWar(); // Tomcat's auto-deploy undeploys and deploys it again within ~10 s
                assertTrue(client.awaitClose(Duration.ofSeconds(30)).contains("Server is shutting down. Goodbye!"));
            }
            container.awaitLog("Protocol server started", 2, DEPLOY_WAIT);
            try (TestClients.Line client = new TestClients.Line(telnet)) {
                client.send("again\r\n");
                client.await("Echo: again", Duration.ofSeconds(10));
            }
            container.stop();
        }
    }

    @Test
    void configurationErrorFailsTheDeploymentWithTheLaunchersMessage() throws Exception {
        int http = TestClients.freePort();
        Path yaml = writeYaml(99_999, TestClients.freePort());
        try (ContainerProcess container = container("dist.tomcat10", http, yaml)) {
            container.start();
            container.awaitLog(yaml + ": servers.telnet.port: must be between 0 and 65535, got 99999", DEPLOY_WAIT);
            container.awaitLog("Server startup in", DEPLOY_WAIT);
            assertEquals(404, TestClients.handshakeStatus("ws://127.0.0.1:" + http + "/protocol/ws"),
                    "the failed application serves nothing");
            container.stop();
        }
    }

    private ContainerProcess container(String distribution, int http, Path yaml) throws Exception {
        Path home = Path.of(System.getProperty("dist.dir"), System.getProperty(distribution));
        Path base = Files.createDirectories(work.resolve("base"));
        return distribution.startsWith("dist.tomcat")
                ? ContainerProcess.tomcat(home, base, http, yaml)
                : ContainerProcess.jetty(home, base, http, yaml);
    }

    private Path writeYaml(int telnetPort, int commandsPort) throws Exception {
        return Files.writeString(work.resolve("chuk.yaml"), """
                servers:
                  telnet:
                    port: %d
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo:EchoTelnetHandler
                  commands:
                    port: %d
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.command.CommandHandler
                  websocket:
                    transport: websocket
                    ws_path: /ws
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                    monitor_token: s3cret
                    enable_metrics: true
                    enable_health: true
                    web_terminal: true
                  ws_telnet:
                    transport: ws_telnet
                    ws_path: /ws_telnet
                    web_terminal: true
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """.formatted(telnetPort, commandsPort));
    }
}
