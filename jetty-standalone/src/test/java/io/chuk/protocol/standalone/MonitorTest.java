package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /monitor protocol over a real WebSocket, watching telnet and WebSocket sessions. */
class MonitorTest {

    private static final Pattern ID = Pattern.compile("\"id\": \"([0-9a-f-]{36})\"");
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                    monitor_token: s3cret
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String monitorUri(String query) {
        return running.ws("websocket", "/monitor" + query);
    }

    @Test
    void viewerWithoutTheTokenGets401AndWithAWrongOne403() {
        assertEquals(401, handshakeStatus(monitorUri("")));
        assertEquals(403, handshakeStatus(monitorUri("?token=wrong")));
    }

    @Test
    void browserPagesCannotWatchUnlessTheirOriginIsListedEvenWithAWildcard() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "https://any.example.net")
                .buildAsync(URI.create(monitorUri("?token=s3cret")), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        assertEquals(403, assertInstanceOf(WebSocketHandshakeException.class, failure.getCause()).getResponse().statusCode());
    }

    @Test
    void theServersOwnDashboardPageMayWatchButAPageOnAnotherPortMayNot() throws Exception {
        String own = "http://127.0.0.1:" + running.port("websocket");
        try (WsClient viewer = WsClient.connect(monitorUri("?token=s3cret"), own)) {
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\""));
        }
        try (WsClient viewer = WsClient.connect(monitorUri("?token=s3cret"), "http://127.0.0.1:1")) {
            assertEquals("CLOSE 1008 Origin not allowed", viewer.next());
        }
        try (WsClient viewer = WsClient.connect(monitorUri("?token=s3cret"), "http://localhost:" + running.port("websocket"))) {
            assertEquals("CLOSE 1008 Origin not allowed", viewer.next(), "the Host header was 127.0.0.1, not localhost");
        }
    }

    @Test
    void viewerFollowsATelnetSessionFromStartToEnd() throws Exception {
        try (WsClient viewer = WsClient.connect(monitorUri("?token=s3cret"))) {
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\", \"sessions\": ["));
            try (LineClient telnet = new LineClient(running.port("telnet"))) {
                String started = viewer.next();
                assertTrue(started.contains("\"type\": \"session_started\""), started);
                assertTrue(started.contains("\"transport\": \"telnet\""), started);
                assertTrue(started.contains("\"server\": \"telnet\""), started);
                assertTrue(started.contains("\"status\": \"connected\""), started);
                assertTrue(started.contains("\"is_newest\": true"), started);
                String id = id(started);
                telnet.await("> ");

                viewer.send("{\"type\": \"watch_session\", \"session_id\": \"" + id + "\"}");
                assertEquals("TEXT {\"type\": \"watch_response\", \"session_id\": \"" + id + "\", \"status\": \"success\"}",
                        viewer.next());
                telnet.send("hello\r\n");
                telnet.await("Echo: hello");
                viewer.await("TEXT {\"type\": \"client_input\", \"session_id\": \"" + id + "\", \"data\": {\"text\": \"hello\\r\\n\"}}");
                viewer.await("TEXT {\"type\": \"server_message\", \"session_id\": \"" + id + "\", \"data\": {\"text\": \"Echo: hello\\r\\n\"}}");

                telnet.send("quit\r\n");
                telnet.awaitClose();
                int ended = 0;
                String event;
                while (!(event = viewer.next()).contains("session_ended")) {
                    assertFalse(event.contains("session_started"), event);
                }
                ended++;
                assertTrue(event.contains("\"status\": \"disconnected\"") && event.contains(id), event);
                viewer.send("{\"type\": \"watch_session\", \"session_id\": \"" + id + "\"}");
                String reply = viewer.next();
                assertEquals("TEXT {\"type\": \"watch_response\", \"session_id\": \"" + id
                        + "\", \"status\": \"error\", \"error\": \"Session not found\"}", reply, "session_ended arrived once");
                assertEquals(1, ended);
            }
        }
    }

    @Test
    void viewerSeesWebSocketSessionsWithPathAndUserAgent() throws Exception {
        try (WsClient viewer = WsClient.connect(monitorUri("?token=s3cret"))) {
            viewer.next();
            try (WsClient client = WsClient.connect(running.ws("websocket", "/ws?room=1"))) {
                String started = viewer.next();
                assertTrue(started.contains("\"transport\": \"websocket\""), started);
                assertTrue(started.contains("\"path\": \"/ws?room=1\""), started);
                assertTrue(started.contains("\"user_agent\": \"Java-http-client/"), started);
                client.await("TEXT Type 'quit' to disconnect.");
            }
        }
    }

    @Test
    void everyRequestGetsAReply() throws Exception {
        try (WsClient viewer = WsClient.connect(running.ws("websocket", "/monitor"), null, "Bearer s3cret")) {
            viewer.next();
            viewer.send("{\"type\": \"watch_session\", \"session_id\": \"nope\"}");
            assertEquals("TEXT {\"type\": \"watch_response\", \"session_id\": \"nope\", \"status\": \"error\", \"error\": \"Session not found\"}",
                    viewer.next());
            viewer.send("{\"type\": \"stop_watching\", \"session_id\": \"nope\"}");
            assertTrue(viewer.next().contains("\"status\": \"error\""));
            viewer.send("not json");
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"error\", \"error\": \"Invalid JSON"));
            viewer.send("[1, 2]");
            assertTrue(viewer.next().contains("must be a JSON object"));
            viewer.send("{\"type\": \"dance\"}");
            assertTrue(viewer.next().contains("Unknown message type: dance"));
        }
    }

    private static String id(String event) {
        Matcher matcher = ID.matcher(event);
        assertTrue(matcher.find(), event);
        return matcher.group(1);
    }

    private static int handshakeStatus(String uri) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        return assertInstanceOf(WebSocketHandshakeException.class, failure.getCause()).getResponse().statusCode();
    }
}
