package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that never read must not freeze the server's timers, hold sessions the server closed,
 * or hold more memory than the output bound.
 */
class NonReadingClientsTest {

    private static final int NON_READERS = 20;

    @Test
    void timersKeepFiringWhileClientsNeverRead() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  websocket:
                    port: 0
                    transport: websocket
                    ping_interval: 0.2
                    ping_timeout: 30
                    max_output_buffer: 67108864
                    write_timeout: 0
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.standalone.FloodHandler
                  tcp:
                    port: 0
                    transport: tcp
                    connection_timeout: 1
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            try (Crowd stuck = new Crowd()) {
                stuck.join(NON_READERS, running.port("websocket"), "/ws", "flood");
                Await.until(() -> running.server.sessionHost().registry().size() == NON_READERS, "non-readers connected");
                try (LineClient idle = new LineClient(running.port("tcp"))) {
                    idle.await("> ");
                    assertTrue(idle.awaitClose().contains(
                                    "Connection timed out after 1 seconds of inactivity. Goodbye!"),
                            "the idle session got its timeout goodbye while " + NON_READERS + " clients never read");
                }
                Await.until(() -> running.server.sessionHost().registry().size() == NON_READERS,
                        "only the idle session went; the stuck clients are still held (no write timeout)");
            }
        }
    }

    @Test
    void aSessionTheServerClosedLeavesTheCountEvenIfTheClientNeverAnswers() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: websocket
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            try (Crowd silent = new Crowd()) {
                // The server says Goodbye! and closes; the clients never answer.
                silent.join(NON_READERS, running.port("websocket"), "/ws", "quit");
                Await.until(() -> running.server.sessionHost().registry().size() == 0,
                        "closed sessions left the count although their clients never answered the close");
            }
        }
    }

    @Test
    void aClientStuckLongerThanTheWriteTimeoutIsCutOff() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: tcp
                max_output_buffer: 67108864
                write_timeout: 1
                handler_class: io.chuk.protocol.standalone.FloodHandler
                """);
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", running.port("tcp")));
            socket.getOutputStream().write("flood\n".getBytes(StandardCharsets.US_ASCII));
            Await.until(() -> running.server.sessionHost().registry().size() == 1, "connected");
            Await.until(() -> running.server.sessionHost().registry().size() == 0,
                    "cut off by write_timeout long before its 20 MB fit the 64 MB output bound");
        }
    }

    @Test
    void memoryPerNonReaderStaysWithinTheOutputBound() throws Exception {
        int bound = 4 * 1024 * 1024;
        String entries = "";
        for (String transport : List.of("websocket", "ws_telnet")) {
            entries += """
                      %s:
                        port: 0
                        transport: %s
                        max_output_buffer: %d
                        write_timeout: 0
                        max_connections_per_ip: 0
                        max_connection_rate_per_ip: 0
                        handler_class: io.chuk.protocol.standalone.FloodHandler
                    """.formatted(transport, transport, bound);
        }
        try (RunningServer running = new RunningServer("servers:\n" + entries)) {
            long before = liveHeap();
            try (Crowd stuck = new Crowd()) {
                // 3 MB each: under the bound, so the sessions stay, stuck, with their backlog.
                stuck.join(NON_READERS, running.port("websocket"), "/ws", "flood 3072");
                stuck.join(NON_READERS, running.port("ws_telnet"), "/ws_telnet", "flood 3072\r\n");
                Await.until(() -> running.server.sessionHost().registry().size() == stuck.size(), "all connected");
                Await.until(() -> running.server.sessionHost().registry().sessions().stream()
                        .allMatch(session -> session.queuedOutputBytes() > 0), "every one's output backed up");
                long perClient = (liveHeap() - before) / stuck.size();
                System.out.printf("live heap per non-reading client: %d bytes (max_output_buffer %d)%n", perClient, bound);
                assertTrue(perClient <= 2L * bound, "memory per non-reader is bounded by the output bound: " + perClient);

                running.server.close();
                Await.until(() -> liveHeap() - before < stuck.size() * 64L * 1024, "their memory is released after they go");
            }
        }
    }

    /** Raw WebSocket clients that each send one text and then never read; all closed at the end. */
    private static final class Crowd implements AutoCloseable {
        private final List<RawWebSocket> clients = new ArrayList<>();

        void join(int count, int port, String path, String text) throws java.io.IOException {
            for (int i = 0; i < count; i++) {
                RawWebSocket client = new RawWebSocket(port, path);
                clients.add(client);
                client.sendText(text);
            }
        }

        int size() {
            return clients.size();
        }

        @Override
        public void close() throws java.io.IOException {
            for (RawWebSocket client : clients) {
                client.close();
            }
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc(); // measuring live memory, not waiting for anything
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
