package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An accepted tcp connection is set up, and a non-blocking handler's session started, on the
 * selector thread that registered it, so a burst of connects needs no pool thread per connect.
 */
class AcceptThreadTest {

    @Test
    void everyConnectionOfABurstIsSetUpOnTheSelectorThread() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: tcp
                handler_class: io.chuk.protocol.standalone.ReadingThreadHandler
                max_connection_rate_per_ip: 0
                """)) {
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    clients.add(new LineClient(running.port("tcp")));
                }
                for (LineClient client : clients) {
                    client.await("welcome ");
                    assertEquals("selector", client.await("\n").strip());
                }
            } finally {
                for (LineClient client : clients) {
                    client.close();
                }
            }
        }
    }
}
