package io.chuk.protocol.standalone;

import io.chuk.protocol.session.SessionHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 sessions whose handler blocks, flooded with input: the process stays within its thread
 * budget, the other entries keep answering, and once the handlers unblock every line is served.
 */
class BlockingHandlerFloodTest {

    private static final int HANDLER_THREADS = 8;
    private static final int SESSIONS_PER_ENTRY = 150;
    private static final int LINES = 20;
    /** Threads the test itself, Jetty's pool growth and the JVM may add besides the budget. */
    private static final int SLACK = 40;

    @AfterEach
    void openGate() {
        BlockingHandler.gate.countDown();
    }

    @Test
    void blockedHandlersStayWithinTheirThreadBudgetAndLoseNothing() throws Exception {
        BlockingHandler.gate = new CountDownLatch(1);
        String entry = """
                  %s:
                    port: 0
                    transport: %s
                    handler_threads: %d
                    max_connections: 1000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: %s
                """;
        String blocking = BlockingHandler.class.getName();
        String echo = "io.chuk.protocol.samples.echo.EchoTelnetHandler";
        try (RunningServer running = new RunningServer("servers:\n"
                + entry.formatted("blocked_tcp", "tcp", HANDLER_THREADS, blocking)
                + entry.formatted("blocked_ws", "websocket", HANDLER_THREADS, blocking)
                + entry.formatted("echo_tcp", "tcp", HANDLER_THREADS, echo)
                + entry.formatted("echo_ws", "websocket", HANDLER_THREADS, echo))) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int baseline = threads.getThreadCount();

            List<LineClient> tcp = new ArrayList<>();
            List<WsClient> ws = new ArrayList<>();
            try {
                for (int i = 0; i < SESSIONS_PER_ENTRY; i++) {
                    LineClient client = new LineClient(running.port("blocked_tcp"));
                    tcp.add(client);
                    ws.add(WsClient.connect(running.ws("blocked_ws", "/ws")));
                }
                StringBuilder flood = new StringBuilder();
                for (int line = 0; line < LINES; line++) {
                    flood.append("line ").append(line).append('\n');
                }
                for (int i = 0; i < SESSIONS_PER_ENTRY; i++) {
                    tcp.get(i).await("ready");
                    tcp.get(i).send(flood.toString());
                    ws.get(i).await("TEXT ready");
                    for (int line = 0; line < LINES; line++) {
                        ws.get(i).send("line " + line);
                    }
                }
                int budget = SessionHost.virtualThreads() ? 0 : 2 * HANDLER_THREADS;
                int expectedBlocked = SessionHost.virtualThreads() ? 2 * SESSIONS_PER_ENTRY : 2 * HANDLER_THREADS;
                Await.until(() -> BlockingHandler.BLOCKED.get() == expectedBlocked,
                        () -> "blocked callbacks: " + BlockingHandler.BLOCKED.get() + " of " + expectedBlocked);

                int peak = threads.getThreadCount();
                assertTrue(peak <= baseline + budget + SLACK, "threads " + peak + " within the budget: baseline "
                        + baseline + " + handler_threads budget " + budget + " + slack " + SLACK);

                try (LineClient other = new LineClient(running.port("echo_tcp"));
                     WsClient otherWs = WsClient.connect(running.ws("echo_ws", "/ws"))) {
                    other.await("> ");
                    other.send("still here\n");
                    other.await("Echo: still here");
                    otherWs.await("TEXT Type 'quit' to disconnect.");
                    otherWs.send("still here");
                    otherWs.await("TEXT Echo: still here");
                }

                BlockingHandler.gate.countDown();
                for (int i = 0; i < SESSIONS_PER_ENTRY; i++) {
                    for (int line = 0; line < LINES; line++) {
                        tcp.get(i).await("Done: line " + line + "\r\n");
                        ws.get(i).await("TEXT Done: line " + line);
                    }
                }
            } finally {
                tcp.forEach(client -> {
                    try {
                        client.close();
                    } catch (java.io.IOException ignored) {
                        // closing a test socket
                    }
                });
                ws.forEach(WsClient::close);
            }
        }
    }
}
