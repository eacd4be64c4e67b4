package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor for an operator's dashboard, over real sockets: the terminal stream of a telnet
 * session, session attributes, and the admin actions, which need the monitor token.
 */
class MonitorAdminTest {

    private static final Pattern ID = Pattern.compile("\"id\": \"([0-9a-f-]{36})\"");
    private static final Pattern TERMINAL_OUTPUT = Pattern.compile(
            "TEXT \\{\"type\": \"terminal_output\", \"session_id\": \"([^\"]+)\", \"data\": \"([A-Za-z0-9+/=]*)\"}");
    private static final byte IAC = (byte) 255;
    private static final byte DO = (byte) 253;
    private static final byte WILL = (byte) 251;
    private static final byte SB = (byte) 250;
    private static final byte SE = (byte) 240;
    /** How many events a wait may skip before it counts as lost. */
    private static final int MAX_EVENTS = 500;

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  wstelnet:
                    port: 0
                    transport: ws_telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  tcp:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  chat:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.chat.ChatHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                    monitor_token: s3cret
                  open:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static WsClient admin() throws Exception {
        WsClient viewer = WsClient.connect(running.ws("websocket", "/monitor?token=s3cret"));
        assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\""));
        return viewer;
    }

    @Test
    void terminalModeCarriesWhatATelnetClientsTerminalShowsEchoIncluded() throws Exception {
        try (WsClient viewer = admin(); LineClient telnet = new LineClient(running.port("telnet"), StandardCharsets.ISO_8859_1)) {
            String id = startedOn(viewer, "telnet");
            telnet.await("> ");
            viewer.send("{\"type\": \"watch_session\", \"session_id\": \"" + id + "\", \"mode\": \"terminal\"}");
            assertEquals("TEXT {\"type\": \"watch_response\", \"session_id\": \"" + id + "\", \"status\": \"success\", \"mode\": \"terminal\"}",
                    event(viewer, e -> e.contains("watch_response")));
            assertTrue(event(viewer, e -> e.contains("terminal_size")).contains("\"width\": 80, \"height\": 24"));

            telnet.sendBytes(new byte[] {IAC, DO, 1, IAC, DO, 3, IAC, WILL, 31, IAC, SB, 31, 0, 120, 0, 40, IAC, SE});
            assertEquals("TEXT {\"type\": \"terminal_size\", \"session_id\": \"" + id + "\", \"width\": 120, \"height\": 40}",
                    event(viewer, e -> e.contains("terminal_size")));
            for (char c : "hi".toCharArray()) {
                telnet.sendBytes(new byte[] {(byte) c});
            }
            telnet.await("hi");
            telnet.send("\r\n");
            telnet.await("Echo: hi\r\n> ");
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            String shown = terminal(viewer, id, stream, "Echo: hi\r\n> ");
            int typed = shown.indexOf("hi");
            assertTrue(typed >= 0 && typed < shown.indexOf("Echo: hi\r\n> "), "the echo of typing comes first: " + shown);
            assertFalse(shown.contains("\u00FF"), "telnet commands are not part of the terminal stream: " + shown);
        }
    }

    @Test
    void terminalModeCarriesAWsTelnetSessionsStream() throws Exception {
        try (WsClient viewer = admin(); WsClient client = WsClient.connect(running.ws("wstelnet", "/ws_telnet"))) {
            String id = startedOn(viewer, "wstelnet");
            client.awaitBinary("> ", new StringBuilder());
            viewer.send("{\"type\": \"watch_session\", \"session_id\": \"" + id + "\", \"mode\": \"terminal\"}");
            assertTrue(event(viewer, e -> e.contains("watch_response")).contains("\"status\": \"success\", \"mode\": \"terminal\""));
            client.sendBinary("hi\r\n".getBytes(StandardCharsets.US_ASCII));
            client.awaitBinary("Echo: hi\r\n> ", new StringBuilder());
            terminal(viewer, id, new ByteArrayOutputStream(), "Echo: hi\r\n> ");
        }
    }

    @Test
    void kickTellsTheClientTheMessageAndClosesIt() throws Exception {
        try (WsClient viewer = admin(); LineClient tcp = new LineClient(running.port("tcp"))) {
            String id = startedOn(viewer, "tcp");
            tcp.await("> ");
            viewer.send("{\"type\": \"kick_session\", \"session_id\": \"" + id + "\", \"message\": \"Closed by the operator.\"}");
            String result = "TEXT {\"type\": \"admin_result\", \"action\": \"kick_session\", \"session_id\": \"" + id + "\", \"status\": \"ok\"}";
            // The session may end before the answer is queued: take both in either order.
            String first = event(viewer, e -> e.equals(result) || e.contains("session_ended") && e.contains(id));
            String second = event(viewer, e -> !e.equals(first) && (e.equals(result) || e.contains("session_ended") && e.contains(id)));
            assertTrue(first.equals(result) != second.equals(result), first + " / " + second);
            assertTrue(tcp.awaitClose().endsWith("Closed by the operator.\r\n"));
        }
    }

    @Test
    void sendLineReachesOneSessionAndBroadcastReachesAll() throws Exception {
        try (WsClient viewer = admin(); LineClient first = new LineClient(running.port("tcp"))) {
            String firstId = startedOn(viewer, "tcp");
            first.await("> ");
            try (LineClient second = new LineClient(running.port("tcp"))) {
                startedOn(viewer, "tcp");
                second.await("> ");
                viewer.send("{\"type\": \"send_line\", \"session_id\": \"" + firstId + "\", \"text\": \"Only for the first.\"}");
                assertEquals("TEXT {\"type\": \"admin_result\", \"action\": \"send_line\", \"session_id\": \"" + firstId
                        + "\", \"status\": \"ok\"}", event(viewer, e -> e.contains("admin_result")));
                first.await("Only for the first.\r\n");

                viewer.send("{\"type\": \"broadcast\", \"text\": \"Maintenance at noon.\"}");
                String result = event(viewer, e -> e.contains("admin_result"));
                assertTrue(result.matches("TEXT \\{\"type\": \"admin_result\", \"action\": \"broadcast\", \"sessions\": ([2-9]|[1-9][0-9]+), \"status\": \"ok\"}"),
                        result);
                first.await("Maintenance at noon.\r\n");
                String toSecond = second.await("Maintenance at noon.\r\n");
                assertFalse(toSecond.contains("Only for the first."), toSecond);
            }
        }
    }

    @Test
    void injectedInputIsHandledAsIfTheUserTypedIt() throws Exception {
        try (WsClient viewer = admin(); LineClient tcp = new LineClient(running.port("tcp"))) {
            String id = startedOn(viewer, "tcp");
            tcp.await("> ");
            viewer.send("{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \"from support\\r\\n\"}");
            assertEquals("TEXT {\"type\": \"admin_result\", \"action\": \"inject_input\", \"session_id\": \"" + id + "\", \"status\": \"ok\"}",
                    event(viewer, e -> e.contains("admin_result")));
            tcp.await("Echo: from support\r\n");
        }
    }

    @Test
    void aBrowserPresentsTheTokenAsASubprotocolAndGetsAdminRights() throws Exception {
        String offered = "chuk-token." + Base64.getUrlEncoder().withoutPadding().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8));
        try (WsClient viewer = WsClient.withSubprotocols(running.ws("websocket", "/monitor"), "chuk-monitor", offered)) {
            assertEquals("chuk-monitor", viewer.subprotocol(), "the token subprotocol is never echoed back");
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\""));
            LineClient tcp = new LineClient(running.port("tcp"));
            String id = startedOn(viewer, "tcp");
            tcp.await("> ");
            viewer.send("{\"type\": \"send_line\", \"session_id\": \"" + id + "\", \"text\": \"via subprotocol\"}");
            assertTrue(event(viewer, e -> e.contains("admin_result")).endsWith("\"status\": \"ok\"}"));
            tcp.await("via subprotocol");
            tcp.close();
        }
        String wrong = "chuk-token." + Base64.getUrlEncoder().withoutPadding().encodeToString("guess".getBytes(StandardCharsets.UTF_8));
        Exception refused = assertThrows(Exception.class,
                () -> WsClient.withSubprotocols(running.ws("websocket", "/monitor"), "chuk-monitor", wrong).close());
        assertEquals(403, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse().statusCode());
        try (WsClient viewer = WsClient.withSubprotocols(running.ws("open", "/monitor"), "chuk-monitor")) {
            assertEquals("chuk-monitor", viewer.subprotocol());
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\""));
        }
    }

    @Test
    void withoutTheTokenAdminActionsAreRefusedAndNothingHappens() throws Exception {
        try (WsClient viewer = WsClient.connect(running.ws("open", "/monitor"))) {
            // Attached once the list arrives: the session below then starts in its sight.
            assertTrue(viewer.next().startsWith("TEXT {\"type\": \"active_sessions\""));
            try (LineClient tcp = new LineClient(running.port("tcp"))) {
                String id = startedOn(viewer, "tcp");
                tcp.await("> ");
                for (String request : List.of(
                        "{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \"injected\\r\\n\"}",
                        "{\"type\": \"send_line\", \"session_id\": \"" + id + "\", \"text\": \"a line\"}",
                        "{\"type\": \"broadcast\", \"text\": \"to everyone\"}",
                        "{\"type\": \"kick_session\", \"session_id\": \"" + id + "\"}")) {
                    viewer.send(request);
                    String result = event(viewer, e -> e.contains("admin_result"));
                    assertTrue(result.endsWith("\"status\": \"error\", \"error\": \"Admin actions need the monitor token "
                            + "(set monitor_token and connect with it)\"}"), result);
                }
                tcp.send("still here\r\n");
                String answer = tcp.await("Echo: still here\r\n");
                for (String never : List.of("injected", "a line", "to everyone", "disconnected")) {
                    assertFalse(answer.contains(never), answer);
                }
            }
        }
    }

    @Test
    void attributesAHandlerSetsAppearWhenTheSessionsAreListedAgain() throws Exception {
        try (WsClient viewer = admin(); LineClient chat = new LineClient(running.port("chat"))) {
            String id = startedOn(viewer, "chat");
            chat.await("Choose a nickname: ");
            chat.send("alice\r\n");
            chat.await("Hello alice!");
            viewer.send("{\"type\": \"list_sessions\"}");
            String list = event(viewer, e -> e.startsWith("TEXT {\"type\": \"active_sessions\""));
            assertTrue(list.contains("\"id\": \"" + id + "\""), list);
            assertTrue(list.contains("\"attributes\": {\"nick\": \"alice\"}"), list);
            viewer.send("{\"type\": \"get_session\", \"session_id\": \"" + id + "\"}");
            String updated = event(viewer, e -> e.contains("session_updated"));
            assertTrue(updated.contains("\"server\": \"chat\", \"last_activity\": "), updated);
            assertTrue(updated.endsWith("\"attributes\": {\"nick\": \"alice\"}}}"), updated);
        }
    }

    /** The id of the next session started on the entry {@code server}. */
    private static String startedOn(WsClient viewer, String server) throws InterruptedException {
        String started = event(viewer, e -> e.contains("\"type\": \"session_started\"") && e.contains("\"server\": \"" + server + "\""));
        Matcher matcher = ID.matcher(started);
        assertTrue(matcher.find(), started);
        return matcher.group(1);
    }

    /** Skips events (at most {@link #MAX_EVENTS}) until one matches. */
    private static String event(WsClient viewer, Predicate<String> wanted) throws InterruptedException {
        for (int i = 0; i < MAX_EVENTS; i++) {
            String event = viewer.next();
            if (wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event among " + MAX_EVENTS);
    }

    /** Decodes the session's terminal_output events into {@code stream} until it holds {@code expected}. */
    private static String terminal(WsClient viewer, String id, ByteArrayOutputStream stream, String expected) throws InterruptedException {
        for (int i = 0; i < MAX_EVENTS; i++) {
            String shown = stream.toString(StandardCharsets.ISO_8859_1);
            if (shown.contains(expected)) {
                return shown;
            }
            Matcher matcher = TERMINAL_OUTPUT.matcher(viewer.next());
            if (matcher.matches() && matcher.group(1).equals(id)) {
                stream.writeBytes(Base64.getDecoder().decode(matcher.group(2)));
            }
        }
        throw new AssertionError("'" + expected + "' not in the terminal stream: " + stream.toString(StandardCharsets.ISO_8859_1));
    }
}
