package io.chuk.protocol.standalone;

import io.chuk.protocol.session.ProtocolSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A WebSocket flood against a session whose handler is stuck pauses reading without holding a thread. */
class WebSocketPauseTest {

    private static final int MESSAGES = 200;

    @AfterEach
    void openGate() {
        BlockingHandler.gate.countDown();
    }

    @Test
    void aFloodAgainstAPausedSessionParksNoContainerThread() throws Exception {
        BlockingHandler.gate = new CountDownLatch(1);
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: websocket
                max_message_size: 65536
                handler_class: io.chuk.protocol.standalone.BlockingHandler
                """);
             WsClient client = WsClient.connect(running.ws("websocket", "/ws"))) {
            client.await("TEXT ready");
            String payload = "y".repeat(1000);
            for (int i = 0; i < MESSAGES; i++) {
                client.send(i + " " + payload); // 200 kB: far past the 64 KiB the session queues before pausing
            }
            ProtocolSession session = running.server.sessionHost().registry().sessions().iterator().next();
            Await.until(session::inputPaused, "the session paused its input");

            ThreadInfo[] dump = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
            // A thread passing through with a message is fine; one waiting there is parked.
            long parked = Arrays.stream(dump)
                    .filter(thread -> thread.getThreadState() != Thread.State.RUNNABLE)
                    .filter(thread -> Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                            frame.getClassName().startsWith("io.chuk.protocol.websocket.")))
                    .peek(thread -> System.out.println("thread in the WebSocket layer: " + thread))
                    .count();
            assertEquals(0, parked, "no thread waits inside the WebSocket layer for the paused session");

            BlockingHandler.gate.countDown();
            for (int i = 0; i < MESSAGES; i++) {
                client.await("TEXT Done: " + i + " " + payload);
            }
            assertTrue(session.isOpen(), "the session survived its flood");
        }
    }
}
