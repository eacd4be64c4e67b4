package io.chuk.protocol.standalone;

import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WebSocket reads of a session run on the selecting thread, with no hand-off to a pool thread,
 * as tcp and telnet reads do, and whole text frames reach the session past the Jakarta layer's
 * message dispatch.
 */
class WebSocketReadThreadTest {

    @Test
    void aNonBlockingHandlerAnswersOnTheThreadThatSelectedTheRead() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: websocket
                handler_class: io.chuk.protocol.standalone.ReadingThreadHandler
                """);
             WsClient client = WsClient.connect(running.ws("websocket", "/ws"))) {
            // The thread that upgraded the connection reads on until no input is waiting;
            // from then on the connection waits for the selector.
            client.send("warm");
            String event;
            do {
                event = client.next();
            } while (!event.startsWith("TEXT warm "));
            Await.until(() -> running.server.connectedEndPoints("websocket").stream()
                    .allMatch(EndPoint::isFillInterested), "the connection waits for input");
            for (int i = 0; i < 20; i++) {
                client.send("line" + i);
                assertEquals("TEXT line" + i + " selector", client.next());
            }
        }
    }
}
