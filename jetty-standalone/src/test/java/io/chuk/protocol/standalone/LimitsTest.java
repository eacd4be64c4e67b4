package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** max_connections and connection_timeout on raw sockets and WebSockets. */
class LimitsTest {

    @Test
    void maxConnectionsRefusesTheNextClientWithAMessage() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  tcp:
                    port: 0
                    transport: tcp
                    max_connections: 2
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    max_connections: 1
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
             LineClient first = new LineClient(running.port("tcp"));
             LineClient second = new LineClient(running.port("tcp"))) {
            first.await("> ");
            second.await("> ");
            try (LineClient third = new LineClient(running.port("tcp"))) {
                assertEquals("Server is at maximum capacity. Please try again later.\r\n", third.awaitClose());
            }
            second.send("quit\n");
            second.awaitClose();
            awaitSessions(running, 1);
            try (LineClient again = new LineClient(running.port("tcp"))) {
                assertTrue(again.await("> ").contains("Welcome"), "a slot frees when a session ends");
            }

            try (WsClient ws1 = WsClient.connect(running.ws("websocket", "/ws"))) {
                // Admitted first: two handshakes that finish together may open in either order.
                ws1.await("TEXT Type 'quit' to disconnect.");
                try (WsClient ws2 = WsClient.connect(running.ws("websocket", "/ws"))) {
                    ws2.await("CLOSE 1013 Server is at maximum capacity. Please try again later.");
                }
            }
        }
    }

    @Test
    void clientThatDoesNotReadIsCutOffAtTheOutputBound() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: tcp
                max_output_buffer: 65536
                handler_class: io.chuk.protocol.standalone.FloodHandler
                """);
             java.net.Socket socket = new java.net.Socket("127.0.0.1", running.port("tcp"))) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write("flood\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            awaitSessions(running, 0); // the session was closed although the client never read
            long received = 0;
            socket.setSoTimeout(10_000);
            byte[] buffer = new byte[65536];
            int n;
            try {
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    received += n;
                }
            } catch (java.net.SocketException reset) {
                // closed hard: what was buffered may be lost
            }
            assertTrue(received < 20_000L * 1024, "far less than the 20 MB the handler tried to send: " + received);
        }
    }

    @Test
    void perAddressLimitsRefuseWithAReason() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  few:
                    port: 0
                    transport: tcp
                    max_connections_per_ip: 2
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  slow:
                    port: 0
                    transport: tcp
                    max_connection_rate_per_ip: 2
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
             LineClient first = new LineClient(running.port("few"));
             LineClient second = new LineClient(running.port("few"))) {
            first.await("> ");
            second.await("> ");
            try (LineClient third = new LineClient(running.port("few"))) {
                assertEquals("Too many connections from your address. Please try again later.\r\n", third.awaitClose());
            }
            int refused = 0;
            for (int i = 0; i < 4; i++) {
                try (LineClient client = new LineClient(running.port("slow"))) {
                    String first4 = client.await("\r\n");
                    if (first4.startsWith("Connecting too fast.")) {
                        refused++;
                    }
                }
            }
            assertTrue(refused >= 1, "a burst of 4 connections against 2 per second is throttled");
        }
    }

    @Test
    void idleSessionIsToldAndClosedButActiveOneIsNot() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: tcp
                connection_timeout: 1
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
             LineClient idle = new LineClient(running.port("tcp"));
             LineClient active = new LineClient(running.port("tcp"))) {
            idle.await("> ");
            active.await("> ");
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                active.send("ping " + i + "\n");
                active.await("Echo: ping " + i + "\r\n> ");
                Thread.sleep(300); // pacing the client's input, not synchronisation
            }
            assertEquals("Connection timed out after 1 seconds of inactivity. Goodbye!\r\n", idle.awaitClose());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(1500).toNanos(), "active client kept going past the timeout");
            active.send("still\n");
            assertTrue(active.await("> ").contains("Echo: still"));
        }
    }

    @Test
    void idleWebSocketIsToldWhyBeforeTheClose() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: websocket
                connection_timeout: 0.5
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
             WsClient ws = WsClient.connect(running.ws("websocket", "/ws"))) {
            ws.await("TEXT Connection timed out after 0.5 seconds of inactivity. Goodbye!");
            assertEquals("CLOSE 1000 Session ended", ws.next());
        }
    }

    private static void awaitSessions(RunningServer running, int expected) {
        running.awaitSessions(expected);
    }
}
