package io.chuk.protocol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.handlers.LineHandler;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.session.SessionHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's requests beyond watching: session lists, the terminal stream and the token-gated admin actions. */
class MonitorAdminTest {

    /** Answers {@code Echo: <command>}; {@code nick NAME} sets the {@code nick} attribute. */
    public static class EchoHandler extends LineHandler {
        @Override
        public void onCommandSubmitted(String command) {
            if (command.startsWith("nick ")) {
                session().attributes().put("nick", command.substring(5));
            }
            sendLine("Echo: " + command);
        }
    }

    /** A transport that records what is written (writes complete at once). */
    private static final class RecordingChannel implements SessionChannel {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private ProtocolSession session;
        private volatile boolean closed;

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40002);
        }

        @Override
        public void attach(ProtocolSession session) {
            this.session = session;
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            synchronized (written) {
                for (ByteBuffer buffer : buffers) {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    written.writeBytes(bytes);
                }
            }
            callback.succeeded();
        }

        @Override
        public void setInputPaused(boolean paused) {
        }

        @Override
        public void close() {
            closed = true;
            session.transportClosed(null);
        }

        String text() {
            synchronized (written) {
                return written.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private final SessionHost host = new SessionHost(HandlerFactory.reflective());
    private final SessionMonitor monitor = new SessionMonitor(host.registry());

    @AfterEach
    void stop() {
        monitor.close();
        host.close();
    }

    private ProtocolSession open(Transport transport, RecordingChannel channel) throws InterruptedException {
        ProtocolSession session = host.factoryFor(ServerConfig.defaults(transport.yamlName(), "127.0.0.1", 0, transport, EchoHandler.class))
                .open(channel).session();
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("> ")), channel.text());
        return session;
    }

    @Test
    void withoutTheTokenEveryAdminActionIsRefusedAndNothingHappens() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        ProtocolSession session = open(Transport.TCP, channel);
        FakeViewerConnection connection = new FakeViewerConnection(true);
        Viewer viewer = monitor.attach(connection);
        String id = session.id();
        for (String request : List.of(
                "{\"type\": \"kick_session\", \"session_id\": \"" + id + "\", \"message\": \"bye\"}",
                "{\"type\": \"send_line\", \"session_id\": \"" + id + "\", \"text\": \"sent\"}",
                "{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \"injected\\r\\n\"}")) {
            monitor.handle(viewer, request);
            String action = request.substring(10, request.indexOf('"', 10));
            assertEquals("{\"type\": \"admin_result\", \"action\": \"" + action + "\", \"session_id\": \"" + id
                    + "\", \"status\": \"error\", \"error\": \"" + AdminActions.TOKEN_REQUIRED + "\"}", last(connection));
        }
        monitor.handle(viewer, "{\"type\": \"broadcast\", \"text\": \"everyone\"}");
        assertEquals("{\"type\": \"admin_result\", \"action\": \"broadcast\", \"status\": \"error\", \"error\": \""
                + AdminActions.TOKEN_REQUIRED + "\"}", last(connection));
        // The session still answers, and nothing refused reached it.
        session.receive(ByteBuffer.wrap("ping\r\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("Echo: ping")), channel.text());
        assertTrue(session.isOpen());
        for (String never : List.of("bye", "sent", "injected", "everyone")) {
            assertFalse(channel.text().contains(never), channel.text());
        }
    }

    @Test
    void withTheTokenInjectSendLineBroadcastAndKickActOnTheSession() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        ProtocolSession session = open(Transport.TCP, channel);
        FakeViewerConnection connection = new FakeViewerConnection(true).withToken();
        Viewer viewer = monitor.attach(connection);
        String id = session.id();

        monitor.handle(viewer, "{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \"injected\\r\\n\"}");
        assertEquals("{\"type\": \"admin_result\", \"action\": \"inject_input\", \"session_id\": \"" + id + "\", \"status\": \"ok\"}",
                last(connection));
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("Echo: injected\r\n")), channel.text());

        monitor.handle(viewer, "{\"type\": \"send_line\", \"session_id\": \"" + id + "\", \"text\": \"from the operator\"}");
        assertEquals("{\"type\": \"admin_result\", \"action\": \"send_line\", \"session_id\": \"" + id + "\", \"status\": \"ok\"}",
                last(connection));
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("from the operator\r\n")), channel.text());

        monitor.handle(viewer, "{\"type\": \"broadcast\", \"text\": \"to everyone\"}");
        String broadcast = last(connection);
        assertTrue(broadcast.matches("\\{\"type\": \"admin_result\", \"action\": \"broadcast\", \"sessions\": [1-9][0-9]*, \"status\": \"ok\"}"),
                broadcast);
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("to everyone\r\n")), channel.text());

        monitor.handle(viewer, "{\"type\": \"kick_session\", \"session_id\": \"" + id + "\", \"message\": \"Kicked for a test.\"}");
        // session_ended may come before or after the answer
        assertTrue(connection.texts().contains("{\"type\": \"admin_result\", \"action\": \"kick_session\", \"session_id\": \""
                + id + "\", \"status\": \"ok\"}"), connection.texts()::toString);
        assertTrue(FakeViewerConnection.await(() -> channel.closed), "kicked session closed");
        assertTrue(channel.text().endsWith("Kicked for a test.\r\n"), channel.text());

        monitor.handle(viewer, "{\"type\": \"send_line\", \"session_id\": \"" + id + "\", \"text\": \"late\"}");
        assertEquals("{\"type\": \"admin_result\", \"action\": \"send_line\", \"session_id\": \"" + id
                + "\", \"status\": \"error\", \"error\": \"Session not found\"}", last(connection));
    }

    @Test
    void badAdminRequestsGetAReasonAndDoNothing() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        ProtocolSession session = open(Transport.TCP, channel);
        FakeViewerConnection connection = new FakeViewerConnection(true).withToken();
        Viewer viewer = monitor.attach(connection);
        String id = session.id();
        monitor.handle(viewer, "{\"type\": \"inject_input\", \"text\": \"x\"}");
        assertTrue(last(connection).endsWith("\"session_id\": null, \"status\": \"error\", \"error\": \"session_id (a string) is required\"}"),
                last(connection));
        monitor.handle(viewer, "{\"type\": \"send_line\", \"session_id\": \"" + id + "\"}");
        assertTrue(last(connection).endsWith("\"error\": \"text (a string) is required\"}"), last(connection));
        monitor.handle(viewer, "{\"type\": \"broadcast\", \"text\": 5}");
        assertTrue(last(connection).endsWith("\"error\": \"text must be a string\"}"), last(connection));
        monitor.handle(viewer, "{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \""
                + "x".repeat(AdminActions.MAX_TEXT_CHARS + 1) + "\"}");
        assertTrue(last(connection).endsWith("\"error\": \"text is longer than 4096 characters\"}"), last(connection));
        monitor.handle(viewer, "{\"type\": \"kick_session\", \"session_id\": \"nope\"}");
        assertTrue(last(connection).endsWith("\"error\": \"Session not found\"}"), last(connection));
        assertTrue(session.isOpen());
        assertFalse(channel.text().contains("xxx"), channel.text());
    }

    @Test
    void sessionListsCarryAttributesAndActivityAndOnlyOneRequestedListWaits() throws Exception {
        RecordingChannel channel = new RecordingChannel();
        ProtocolSession session = open(Transport.TCP, channel);
        session.receive(ByteBuffer.wrap("nick alice\r\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(FakeViewerConnection.await(() -> channel.text().contains("Echo: nick alice")), channel.text());

        FakeViewerConnection connection = new FakeViewerConnection(true);
        Viewer viewer = monitor.attach(connection);
        monitor.handle(viewer, "{\"type\": \"get_session\", \"session_id\": \"" + session.id() + "\"}");
        String updated = last(connection);
        assertTrue(updated.startsWith("{\"type\": \"session_updated\", \"session\": {\"id\": \"" + session.id() + "\", "), updated);
        assertTrue(updated.contains("\"transport\": \"tcp\", \"server\": \"tcp\", \"last_activity\": "), updated);
        assertTrue(updated.matches(".*\"idle_seconds\": [0-9]+, \"attributes\": \\{\"nick\": \"alice\"}}}"), updated);

        FakeViewerConnection slow = new FakeViewerConnection(false);
        Viewer slowViewer = monitor.attach(slow);
        monitor.handle(slowViewer, "{\"type\": \"list_sessions\"}");
        monitor.handle(slowViewer, "{\"type\": \"list_sessions\"}");
        slow.completeOldest(true); // the snapshot on attach
        slow.completeOldest(true); // the requested list
        List<String> texts = slow.texts();
        assertTrue(texts.get(1).startsWith("{\"type\": \"active_sessions\", \"sessions\": [{\"id\": "), texts.get(1));
        assertTrue(texts.get(1).contains("\"attributes\": {\"nick\": \"alice\"}"), texts.get(1));
        assertEquals("{\"type\": \"error\", \"error\": \"A session list is already on its way\"}", texts.get(2));
        slow.completeOldest(true);
        monitor.handle(slowViewer, "{\"type\": \"list_sessions\"}");
        assertTrue(slow.texts().get(3).startsWith("{\"type\": \"active_sessions\""), "asking again once the list left works");
    }

    @Test
    void attributesAreBoundedInNumberAndLength() throws Exception {
        ProtocolSession session = open(Transport.TCP, new RecordingChannel());
        for (int i = 0; i < 40; i++) {
            session.attributes().put(String.format("a%02d", i), "v".repeat(300));
        }
        FakeViewerConnection connection = new FakeViewerConnection(true);
        monitor.handle(monitor.attach(connection), "{\"type\": \"get_session\", \"session_id\": \"" + session.id() + "\"}");
        JsonNode attributes = Json.read(last(connection)).path("session").path("attributes");
        assertEquals(SessionDescription.MAX_ATTRIBUTES, attributes.size());
        assertEquals("v".repeat(SessionDescription.MAX_ATTRIBUTE_CHARS), attributes.path("a00").textValue());
        assertTrue(attributes.has("a31") && !attributes.has("a32"), "the first names are kept");
    }

    @Test
    void terminalModeStreamsTheTelnetOutputWithoutTelnetCommandsAndOnlyForTelnetSessions() throws Exception {
        RecordingChannel tcpChannel = new RecordingChannel();
        ProtocolSession tcp = open(Transport.TCP, tcpChannel);
        FakeViewerConnection connection = new FakeViewerConnection(true);
        Viewer viewer = monitor.attach(connection);
        monitor.handle(viewer, "{\"type\": \"watch_session\", \"session_id\": \"" + tcp.id() + "\", \"mode\": \"terminal\"}");
        assertEquals("{\"type\": \"watch_response\", \"session_id\": \"" + tcp.id()
                + "\", \"status\": \"error\", \"error\": \"Terminal mode needs a telnet or ws_telnet session\"}", last(connection));
        monitor.handle(viewer, "{\"type\": \"watch_session\", \"session_id\": \"" + tcp.id() + "\", \"mode\": \"video\"}");
        assertTrue(last(connection).contains("\"error\": \"Unknown watch mode: video (lines or terminal)\""), last(connection));

        RecordingChannel telnetChannel = new RecordingChannel();
        ProtocolSession telnet = open(Transport.TELNET, telnetChannel);
        monitor.handle(viewer, "{\"type\": \"watch_session\", \"session_id\": \"" + telnet.id() + "\", \"mode\": \"terminal\"}");
        List<String> texts = connection.texts();
        assertEquals("{\"type\": \"watch_response\", \"session_id\": \"" + telnet.id() + "\", \"status\": \"success\", \"mode\": \"terminal\"}",
                texts.get(texts.size() - 2));
        assertEquals("{\"type\": \"terminal_size\", \"session_id\": \"" + telnet.id() + "\", \"width\": 80, \"height\": 24}", last(connection));

        byte[] iac = {(byte) 255, (byte) 251, 31, (byte) 255, (byte) 250, 31, 0, 100, 0, 30, (byte) 255, (byte) 240};
        telnet.receive(ByteBuffer.wrap(iac));
        assertTrue(FakeViewerConnection.await(() -> connection.texts().contains(
                "{\"type\": \"terminal_size\", \"session_id\": \"" + telnet.id() + "\", \"width\": 100, \"height\": 30}")));
        telnet.receive(ByteBuffer.wrap("hello\r\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(FakeViewerConnection.await(() -> terminal(connection, telnet.id()).contains("Echo: hello\r\n> ")),
                () -> terminal(connection, telnet.id()));
        assertFalse(terminal(connection, telnet.id()).contains("\u00ff"), "no telnet command in the terminal stream");
        assertTrue(connection.texts().stream().noneMatch(t -> t.contains("\"client_input\"") || t.contains("\"server_message\"")),
                "a terminal watcher gets the terminal stream only");
    }

    private static final Pattern TERMINAL_OUTPUT = Pattern.compile(
            "\\{\"type\": \"terminal_output\", \"session_id\": \"([^\"]+)\", \"data\": \"([A-Za-z0-9+/=]*)\"}");

    /** The terminal stream of one session so far, decoded. */
    private static String terminal(FakeViewerConnection connection, String sessionId) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (String text : connection.texts()) {
            Matcher matcher = TERMINAL_OUTPUT.matcher(text);
            if (matcher.matches() && matcher.group(1).equals(sessionId)) {
                stream.writeBytes(Base64.getDecoder().decode(matcher.group(2)));
            }
        }
        return stream.toString(StandardCharsets.ISO_8859_1);
    }

    private static String last(FakeViewerConnection connection) {
        List<String> texts = connection.texts();
        return texts.get(texts.size() - 1);
    }
}
