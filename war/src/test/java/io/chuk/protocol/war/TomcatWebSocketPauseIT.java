package io.chuk.protocol.war;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On embedded Tomcat 10.1, a WebSocket flood against a session whose handler is stuck pauses
 * reading through Tomcat's {@code WsSession.suspend()}: no container thread waits for the session
 * (embedded Tomcat runs in this JVM, so a thread dump here sees its threads), and once the handler
 * goes on every message is answered, in order, on the same session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TomcatWebSocketPauseIT {

    private static final int MESSAGES = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** How long a thread may take to leave the WebSocket layer after the pause (it takes microseconds). */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final long DUMP_INTERVAL_MILLIS = 50;
    private static final String WEBSOCKET_LAYER = "io.chuk.protocol.websocket.";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        return EmbeddedContainerChecks.archive("""
                servers:
                  blocked:
                    transport: websocket
                    ws_path: /blocked
                    handler_class: io.chuk.protocol.war.BlockingHandler
                  gate:
                    port: 8026 # entries need distinct ports, though the container's port serves both here
                    transport: websocket
                    ws_path: /gate
                    handler_class: io.chuk.protocol.war.GateHandler
                """, List.of("BlockingHandler", "GateHandler"));
    }

    @Test
    void aFloodAgainstAPausedSessionParksNoContainerThread() throws Exception {
        String payload = "y".repeat(1000);
        try (TestClients.Ws gate = TestClients.Ws.connect(EmbeddedContainerChecks.webSocketUri(base, "/gate"));
             TestClients.Ws client = TestClients.Ws.connect(EmbeddedContainerChecks.webSocketUri(base, "/blocked"))) {
            try {
                client.await("ready");
                for (int i = 0; i < MESSAGES; i++) {
                    client.send(i + " " + payload); // 200 kB: far past the 64 KiB the session queues before pausing
                }
                awaitAnswer(gate, "paused?", "paused: true");
                List<ThreadInfo> inLayer = awaitNoThreadInWebSocketLayer();
                inLayer.forEach(thread -> System.out.println("thread in the WebSocket layer: " + thread));
                assertEquals(0, inLayer.size(), "no thread waits inside the WebSocket layer for the paused session");
            } finally {
                gate.send("open"); // also on failure, or the blocked handler would hold up the undeployment
            }
            gate.await("opened");
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals("Done: " + i + " " + payload, client.next(), "answer #" + i);
            }
            gate.send("open?");
            assertEquals("open: true", gate.next(), "the session survived its flood");
        }
    }

    /** Asks {@code question} until the answer is {@code expected}, for at most {@link #DEADLINE}. */
    private static void awaitAnswer(TestClients.Ws gate, String question, String expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String answer;
        do {
            gate.send(question);
            answer = gate.next();
        } while (!answer.equals(expected) && System.nanoTime() < deadline);
        assertEquals(expected, answer, "answer to '" + question + "' within " + DEADLINE.toSeconds() + " s");
    }

    /**
     * The threads inside the WebSocket layer, dumped until there are none or {@link #SETTLE} has
     * passed: a thread may be on its way out of a message callback when the session pauses, but one
     * parked for the paused session stays until its input resumes.
     */
    private static List<ThreadInfo> awaitNoThreadInWebSocketLayer() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            List<ThreadInfo> inLayer = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                    .filter(thread -> Arrays.stream(thread.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().startsWith(WEBSOCKET_LAYER)))
                    .toList();
            if (inLayer.isEmpty() || System.nanoTime() > deadline) {
                return inLayer;
            }
            Thread.sleep(DUMP_INTERVAL_MILLIS); // a dump stops every thread: do not take them back to back
        }
    }
}
