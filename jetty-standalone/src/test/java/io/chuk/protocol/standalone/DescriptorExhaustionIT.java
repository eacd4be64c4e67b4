package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged launcher under a low {@code ulimit -n}: clients take every descriptor, the failing
 * accepts on each port are logged once (not a stack trace per attempt), and once the clients
 * leave, the waiting and new tcp, telnet and WebSocket clients are all served without a restart.
 */
class DescriptorExhaustionIT {

    private static final int DESCRIPTORS = 256;
    /** Time a client gets to be greeted before the server counts as out of descriptors. */
    private static final Duration NOT_SERVED = Duration.ofSeconds(3);
    private static final String UPGRADE = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    @TempDir
    Path dir;

    /**
     * Connects clients to {@code port} (each sending {@code request}) until one does not see
     * {@code greeting} within {@link #NOT_SERVED}: the server is out of descriptors. Every client
     * goes to {@code held}; returns the one left waiting.
     */
    private static LineClient unserved(int port, String request, String greeting, List<LineClient> held, int atMost)
            throws Exception {
        for (int i = 0; i < atMost; i++) {
            LineClient client = new LineClient(port);
            held.add(client);
            client.send(request);
            try {
                client.await(greeting, NOT_SERVED);
            } catch (AssertionError notServed) {
                return client;
            }
        }
        throw new AssertionError("all " + atMost + " clients of port " + port + " were served");
    }

    @Test
    void runningOutOfDescriptorsIsLoggedOncePerPortAndTheServerRecoversByItself() throws Exception {
        Path config = dir.resolve("exhaust.yaml");
        Files.writeString(config, """
                servers:
                  tcp:
                    port: 0
                    transport: tcp
                    max_connections: 0
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """, StandardCharsets.UTF_8);
        List<LineClient> held = new ArrayList<>();
        try (LauncherProcess launcher = LauncherProcess.withDescriptorLimit(DESCRIPTORS, "-c", config.toString())) {
            int tcp = launcher.awaitPort("tcp");
            int telnet = launcher.awaitPort("telnet");
            int websocket = launcher.awaitPort("websocket");

            LineClient waitingTcp = unserved(tcp, "", "> ", held, DESCRIPTORS);
            launcher.awaitLine("Cannot accept connections on 'tcp' .*Too many open files");
            // An acceptor blocked in accept() holds a descriptor already (Linux reserves it), so the
            // first telnet and WebSocket clients may still get in; the next ones wait.
            LineClient waitingTelnet = unserved(telnet, "", "> ", held, 3);
            LineClient waitingWs = unserved(websocket, UPGRADE, "HTTP/1.1 101", held, 3);
            held.removeAll(List.of(waitingTcp, waitingTelnet, waitingWs));

            try (waitingTcp; waitingTelnet; waitingWs) {
                for (LineClient client : held) {
                    client.close();
                }
                held.clear();
                assertTrue(waitingTcp.await("> ").startsWith("Welcome"), "the waiting tcp client is served");
                waitingTcp.send("back\n");
                assertEquals("Echo: back\r\n> ", waitingTcp.await("> "));
                assertTrue(waitingTelnet.await("> ").contains("Welcome"), "the waiting telnet client is served");
                waitingWs.await("HTTP/1.1 101");
            }
            try (LineClient fresh = new LineClient(tcp);
                 WsClient ws = WsClient.connect("ws://127.0.0.1:" + websocket + "/ws")) {
                fresh.await("> ");
                fresh.send("fresh\n");
                assertEquals("Echo: fresh\r\n> ", fresh.await("> "));
                ws.await("TEXT Type 'quit' to disconnect.");
                ws.send("fresh");
                assertEquals("TEXT Echo: fresh", ws.next());
            }
            launcher.awaitLine("Accepting connections on 'tcp' again after \\d+ failed accepts");
            launcher.terminate();
            assertEquals(0, launcher.awaitExit());
            String output = launcher.output();
            long reports = output.lines().filter(line -> line.contains("Too many open files")).count();
            assertTrue(reports >= 1 && reports <= 3, "one report per exhausted port, not one per failed accept ("
                    + reports + " lines):\n" + output.lines().filter(l -> l.contains("Too many")).toList());
            assertFalse(output.contains("Accept Failure"), "Jetty's per-accept stack traces are gone");
        } finally {
            for (LineClient client : held) {
                client.close();
            }
        }
    }
}
