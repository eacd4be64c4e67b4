package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The echo sample on telnet, tcp and websocket at once, driven by real sockets and a real WebSocket client. */
class EndToEndTest {

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo:EchoTelnetHandler
                    welcome_message: Hello telnet
                  tcp:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello tcp
                  websocket:
                    port: 0
                    transport: websocket
                    ws_path: /chat/ws
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello websocket
                  counting:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.standalone.CountingHandler
                  plain:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.standalone.PlainInjectedHandler
                  failing:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.standalone.FailingHandler
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void tcpWelcomesEchoesAndQuits() throws Exception {
        try (LineClient client = new LineClient(running.port("tcp"))) {
            assertEquals("Hello tcp\r\n-------------------------\r\nType 'help' for available commands.\r\n"
                    + "Type 'quit' to disconnect.\r\n> ", client.await("> "));
            client.send("hello world\r\n");
            assertEquals("Echo: hello world\r\n> ", client.await("> "));
            client.send("quit\n");
            assertEquals("Goodbye!\r\n", client.awaitClose());
        }
    }

    @Test
    void telnetPortEchoesLinesWithAnyLineEnding() throws Exception {
        try (LineClient client = new LineClient(running.port("telnet"))) {
            client.await("Hello telnet\r\n");
            client.await("> ");
            client.send("one\r\ntwo\nthree\rfour\r\0");
            assertEquals("Echo: one\r\n> ", client.await("> "));
            assertEquals("Echo: two\r\n> ", client.await("> "));
            assertEquals("Echo: three\r\n> ", client.await("> "));
            assertEquals("Echo: four\r\n> ", client.await("> "));
            client.send("QUIT\r\n");
            assertEquals("Goodbye!\r\n", client.awaitClose());
        }
    }

    @Test
    void websocketFrameIsALineAndEachOutputLineIsAFrame() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("websocket", "/chat/ws"))) {
            assertEquals("TEXT Hello websocket", client.next());
            assertEquals("TEXT -------------------------", client.next());
            assertEquals("TEXT Type 'help' for available commands.", client.next());
            assertEquals("TEXT Type 'quit' to disconnect.", client.next());
            client.send("hello");
            assertEquals("TEXT Echo: hello", client.next());
            client.send("a\nb");
            assertEquals("TEXT Echo: a", client.next());
            assertEquals("TEXT Echo: b", client.next());
            client.send("quit");
            assertEquals("TEXT Goodbye!", client.next());
            assertEquals("CLOSE 1000 Session ended", client.next());
        }
    }

    @Test
    void allThreeTransportsServeAtTheSameTime() throws Exception {
        try (LineClient telnet = new LineClient(running.port("telnet"));
             LineClient tcp = new LineClient(running.port("tcp"));
             WsClient ws = WsClient.connect(running.ws("websocket", "/chat/ws"))) {
            telnet.await("> ");
            tcp.await("> ");
            ws.await("TEXT Type 'quit' to disconnect.");
            telnet.send("from telnet\r\n");
            tcp.send("from tcp\n");
            ws.send("from ws");
            assertTrue(telnet.await("> ").contains("Echo: from telnet"));
            assertTrue(tcp.await("> ").contains("Echo: from tcp"));
            assertEquals("TEXT Echo: from ws", ws.next());
            // Sessions of earlier tests leave the registry once their close completes on the server.
            running.awaitSessions(3);
        }
    }

    @Test
    void wrongWebSocketPathIsRefusedAtTheHandshake() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create(running.ws("websocket", "/nope")), new java.net.http.WebSocket.Listener() {
                })
                .get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        assertEquals(404, handshake.getResponse().statusCode());
    }

    @Test
    void injectedApplicationBeanIsSharedByHandlerInstances() throws Exception {
        try (LineClient first = new LineClient(running.port("counting"));
             LineClient second = new LineClient(running.port("counting"))) {
            first.await("> ");
            second.await("> ");
            first.send("count\n");
            String a = first.await("> ");
            second.send("count\n");
            String b = second.await("> ");
            int firstVisit = Integer.parseInt(a.replaceAll("(?s).*visit (\\d+).*", "$1"));
            int secondVisit = Integer.parseInt(b.replaceAll("(?s).*visit (\\d+).*", "$1"));
            assertEquals(firstVisit + 1, secondVisit, "one application-scoped counter behind two handler instances");
        }
    }

    @Test
    void handlerThatIsNotABeanStillGetsInjection() throws Exception {
        try (LineClient client = new LineClient(running.port("plain"))) {
            client.await("> ");
            client.send("anything\n");
            assertTrue(client.await("> ").matches("(?s)plain visit \\d+\r\n> "));
        }
    }

    @Test
    void handlerExceptionEndsOnlyThatSession() throws Exception {
        try (LineClient victim = new LineClient(running.port("failing"));
             LineClient bystander = new LineClient(running.port("failing"))) {
            victim.await("> ");
            bystander.await("> ");
            victim.send("boom\n");
            assertEquals("An internal error occurred; closing the session.\r\n", victim.awaitClose());
            bystander.send("still here\n");
            assertEquals("Echo: still here\r\n> ", bystander.await("> "));
        }
    }

    @Test
    void blockedHandlerOccupiesOnlyItsOwnSession() throws Exception {
        try (LineClient stuck = new LineClient(running.port("failing"));
             LineClient other = new LineClient(running.port("failing"))) {
            stuck.await("> ");
            other.await("> ");
            stuck.send("block\n");
            stuck.send("queued behind the block\n");
            other.send("unaffected\n");
            assertEquals("Echo: unaffected\r\n> ", other.await("> "));
            FailingHandler.UNBLOCK.countDown();
            assertEquals("Echo: block\r\n> ", stuck.await("> "));
            assertEquals("Echo: queued behind the block\r\n> ", stuck.await("> "), "input kept its order");
        }
    }

    @Test
    void overLongLineGetsAMessageAndTheSessionContinues() throws Exception {
        try (LineClient client = new LineClient(running.port("tcp"))) {
            client.await("> ");
            client.send("x".repeat(20_000) + "\n");
            assertEquals("Line too long (limit 8192 bytes); it was discarded.\r\n", client.await("\r\n"));
            client.send("short\n");
            assertTrue(client.await("> ").contains("Echo: short"));
        }
    }

    @Test
    void clientClosingItsSideEndsTheSession() throws Exception {
        int before;
        try (LineClient client = new LineClient(running.port("tcp"))) {
            client.await("> ");
            before = running.server.sessionHost().registry().size();
            assertTrue(before >= 1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running.server.sessionHost().registry().size() >= before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(running.server.sessionHost().registry().size() < before, "session removed after the client left");
    }
}
