package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hundreds of clients dropping at once are torn down without growing Jetty's pool: Jetty would run
 * each teardown as its own pool job, start a thread for each one that finds no idle thread, and
 * keep those threads for hours. Then the server still serves.
 */
class CloseBurstTest {

    private static final int TCP_CLIENTS = 600;
    private static final int WEBSOCKET_CLIENTS = 200;
    /** Teardown workers: one per selector, on each of the two connectors, and a few to spare. */
    private static final int ALLOWED_GROWTH = 2 * Runtime.getRuntime().availableProcessors() + 4;

    @Test
    void aBurstOfClosesDoesNotGrowThePool() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  tcp:
                    port: 0
                    transport: tcp
                    max_connections: 5000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    max_connections: 5000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            List<AutoCloseable> clients = new ArrayList<>();
            try {
                for (int i = 0; i < TCP_CLIENTS; i++) {
                    Socket socket = new Socket();
                    clients.add(socket);
                    socket.connect(new InetSocketAddress("127.0.0.1", running.port("tcp")), 5000);
                }
                for (int i = 0; i < WEBSOCKET_CLIENTS; i++) {
                    clients.add(new RawWebSocket(running.port("websocket"), "/ws"));
                }
                running.awaitSessions(TCP_CLIENTS + WEBSOCKET_CLIENTS);
                int before = poolThreads();

                for (AutoCloseable client : clients) {
                    client.close();
                }
                clients.clear();
                Await.until(() -> running.server.sessionHost().registry().size() == 0,
                        () -> running.server.sessionHost().registry().size() + " sessions left");

                int after = poolThreads();
                assertTrue(after <= before + ALLOWED_GROWTH,
                        "pool threads: " + before + " with every client connected, " + after + " after they all closed");
            } finally {
                for (AutoCloseable client : clients) {
                    client.close();
                }
            }
            try (LineClient client = new LineClient(running.port("tcp"))) {
                client.await("> ");
                client.send("still serving\n");
                assertEquals("Echo: still serving\r\n> ", client.await("> "));
            }
        }
    }

    /** Threads of the server's Jetty pool, acceptors and selectors among them. */
    private static int poolThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("chuk-jetty-"))
                .count();
    }
}
