package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged launcher as a user runs it: {@code java -jar protocol-server.jar ...}. */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void noArgumentsRunsTheBundledEchoOnAllTransportsAndSigtermSaysGoodbye() throws Exception {
        try (LauncherProcess launcher = new LauncherProcess()) {
            assertEquals(8023, launcher.awaitPort("telnet"));
            assertEquals(8024, launcher.awaitPort("tcp"));
            assertEquals(8025, launcher.awaitPort("websocket"));
            assertEquals(8026, launcher.awaitPort("ws_telnet"));
            try (LineClient tcp = new LineClient(8024);
                 LineClient telnet = new LineClient(8023);
                 WsClient ws = WsClient.connect("ws://127.0.0.1:8025/ws")) {
                assertTrue(tcp.await("> ").startsWith("Welcome to the TCP Server!"));
                tcp.send("hello\n");
                assertEquals("Echo: hello\r\n> ", tcp.await("> "));
                assertTrue(telnet.await("> ").contains("Welcome to the Telnet Server!"));
                ws.await("TEXT Type 'quit' to disconnect.");
                ws.send("hello");
                assertEquals("TEXT Echo: hello", ws.next());
                String metrics = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:8025/metrics")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(metrics.contains("chuk_sessions_active{server=\"tcp\",transport=\"tcp\"} 1.0"), metrics);

                launcher.terminate();
                assertEquals("Server is shutting down. Goodbye!\r\n", tcp.awaitClose());
                assertEquals("Server is shutting down. Goodbye!\r\n", telnet.awaitClose());
                ws.await("TEXT Server is shutting down. Goodbye!");
                assertEquals(0, launcher.awaitExit(), launcher.output());
            }
        }
    }

    @Test
    void sigtermWithAThousandOpenSessionsSaysGoodbyeToEachWithinSeconds() throws Exception {
        Path config = dir.resolve("many.yaml");
        Files.writeString(config, """
                transport: tcp
                port: 0
                max_connections: 2000
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
        java.util.List<LineClient> clients = new java.util.ArrayList<>();
        try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
            int port = launcher.awaitPort("tcp");
            for (int i = 0; i < 1000; i++) {
                LineClient client = new LineClient(port);
                clients.add(client);
                client.await("> ");
            }
            long start = System.nanoTime();
            launcher.terminate();
            for (LineClient client : clients) {
                assertEquals("Server is shutting down. Goodbye!\r\n", client.awaitClose());
            }
            assertEquals(0, launcher.awaitExit());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 20, "stopping 1000 sessions took " + seconds + " s");
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void badConfigurationExitsNonZeroNamingFileKeyAndReason() throws Exception {
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, """
                servers:
                  tcp:
                    transport: tcp
                    port: 99999
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    colour: blue
                """);
        try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
            assertEquals(1, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains(config + ": servers.tcp.colour: unknown key"), output);
            assertTrue(output.contains(config + ": servers.tcp.port: must be between 0 and 65535, got 99999"), output);
        }
    }

    @Test
    void missingHandlerClassExitsNonZero() throws Exception {
        Path config = dir.resolve("nohandler.yaml");
        Files.writeString(config, "transport: tcp\nport: 0\nhandler_class: com.example:Missing\n");
        try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
            assertEquals(1, launcher.awaitExit());
            assertTrue(launcher.output().contains("handler_class: handler class 'com.example.Missing' not found"), launcher.output());
        }
    }

    @Test
    void portInUseExitsNonZeroNamingTheServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = dir.resolve("taken.yaml");
            Files.writeString(config, "servers:\n  busy:\n    transport: tcp\n    port: " + taken.getLocalPort()
                    + "\n    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler\n");
            try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
                assertEquals(1, launcher.awaitExit());
                String output = launcher.output();
                assertTrue(output.contains("servers.busy.port: cannot listen"), output);
            }
        }
    }

    @Test
    void handlerClassRunsDirectlyOnTheGivenTransport() throws Exception {
        try (LauncherProcess launcher = new LauncherProcess(
                "io.chuk.protocol.samples.command:CommandHandler", "--port", "0", "--transport", "tcp", "-v")) {
            int port = launcher.awaitPort("tcp");
            try (LineClient client = new LineClient(port)) {
                client.await("> ");
                client.send("status\n");
                assertEquals("Server status: OK\r\n> ", client.await("> "));
                client.send("uptime\n"); // from an injected application bean
                assertTrue(client.await("> ").startsWith("Server uptime: 0 days, 0 hours"));
                client.send("frobnicate\n");
                assertEquals("Unknown command: frobnicate\r\n> ", client.await("> "));
                client.send("exit\n");
                assertEquals("Goodbye!\r\n", client.awaitClose());
            }
            launcher.awaitLine("DEBUG");
            launcher.terminate();
            assertEquals(0, launcher.awaitExit());
        }
    }

    @Test
    void helpAndVersion() throws Exception {
        try (LauncherProcess help = new LauncherProcess("--help")) {
            assertEquals(0, help.awaitExit());
            String text = help.output();
            for (String option : new String[] {"--config", "--host", "--port", "--transport", "-v", "--version", "HANDLER"}) {
                assertTrue(text.contains(option), option + " missing from:\n" + text);
            }
        }
        try (LauncherProcess version = new LauncherProcess("--version")) {
            assertEquals(0, version.awaitExit());
            assertTrue(version.output().contains("protocol-server 0.1.0-SNAPSHOT"), version.output());
        }
    }

    @Test
    void configAndHandlerTogetherIsAUsageError() throws Exception {
        try (LauncherProcess launcher = new LauncherProcess("-c", "x.yaml", "com.example.Handler")) {
            assertEquals(2, launcher.awaitExit());
            assertTrue(launcher.output().contains("not both"), launcher.output());
        }
    }
}
