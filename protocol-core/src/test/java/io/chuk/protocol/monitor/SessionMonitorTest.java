package io.chuk.protocol.monitor;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.LineHandler;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.session.SessionHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor with real sessions: every event is serialised once, whatever the number of viewers. */
class SessionMonitorTest {

    private static final int VIEWERS = 5;

    /** Answers every command with {@code Echo: <command>}. */
    public static class EchoHandler extends LineHandler {
        @Override
        public void onCommandSubmitted(String command) {
            sendLine("Echo: " + command);
        }
    }

    /** A transport whose writes complete at once. */
    private static final class InstantChannel implements SessionChannel {
        private ProtocolSession session;

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40001);
        }

        @Override
        public void attach(ProtocolSession session) {
            this.session = session;
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            callback.succeeded();
        }

        @Override
        public void setInputPaused(boolean paused) {
        }

        @Override
        public void close() {
            session.transportClosed(null);
        }
    }

    private final SessionHost host = new SessionHost(HandlerFactory.reflective());
    private final SessionMonitor monitor = new SessionMonitor(host.registry());

    @AfterEach
    void stop() {
        monitor.close();
        host.close();
    }

    @Test
    void eachEventIsSerialisedOnceAndTheSameTextGoesToEveryViewer() throws Exception {
        List<FakeViewerConnection> connections = new ArrayList<>();
        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            FakeViewerConnection connection = new FakeViewerConnection(true);
            connections.add(connection);
            viewers.add(monitor.attach(connection));
        }
        ProtocolSession session = host.factoryFor(ServerConfig.defaults("tcp", "127.0.0.1", 0, Transport.TCP, EchoHandler.class))
                .open(new InstantChannel()).session();
        assertNotNull(session);
        String started = sameForAll(connections, text -> text.contains("\"session_started\""));
        assertTrue(started.contains(session.id()), started);

        for (int i = 0; i < VIEWERS; i++) {
            monitor.handle(viewers.get(i), "{\"type\": \"watch_session\", \"session_id\": \"" + session.id() + "\"}");
        }
        session.receive(ByteBuffer.wrap("hello\r\n".getBytes(StandardCharsets.UTF_8)));
        String input = sameForAll(connections, text -> text.contains("\"client_input\""));
        assertEquals("{\"type\": \"client_input\", \"session_id\": \"" + session.id() + "\", \"data\": {\"text\": \"hello\\r\\n\"}}", input);
        String echo = sameForAll(connections, text -> text.contains("Echo: hello"));
        assertTrue(echo.startsWith("{\"type\": \"server_message\""), echo);

        session.close();
        String ended = sameForAll(connections, text -> text.contains("\"session_ended\""));
        assertTrue(ended.contains("\"status\": \"disconnected\""), ended);
    }

    @Test
    void watchingAndStoppingKeepsOneTapPerSessionAndRemovesItWithTheLastWatcher() throws Exception {
        ProtocolSession session = host.factoryFor(ServerConfig.defaults("tcp", "127.0.0.1", 0, Transport.TCP, EchoHandler.class))
                .open(new InstantChannel()).session();
        FakeViewerConnection first = new FakeViewerConnection(true);
        FakeViewerConnection second = new FakeViewerConnection(true);
        Viewer one = monitor.attach(first);
        Viewer two = monitor.attach(second);
        String watch = "{\"type\": \"watch_session\", \"session_id\": \"" + session.id() + "\"}";
        monitor.handle(one, watch);
        monitor.handle(two, watch);
        monitor.handle(one, "{\"type\": \"stop_watching\", \"session_id\": \"" + session.id() + "\"}");
        assertTrue(last(first).contains("\"status\": \"stopped\""), last(first));
        session.receive(ByteBuffer.wrap("after\r\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(FakeViewerConnection.await(() -> second.texts().stream().anyMatch(t -> t.contains("Echo: after"))));
        assertTrue(first.texts().stream().noneMatch(t -> t.contains("after")), "the viewer that stopped sees nothing more");
        monitor.detach(two);
        monitor.handle(one, watch);
        assertTrue(last(first).contains("\"status\": \"success\""), last(first));
    }

    private static String last(FakeViewerConnection connection) {
        List<String> texts = connection.texts();
        return texts.get(texts.size() - 1);
    }

    /** The one text matching {@code wanted} that every viewer got, checked to be the very same instance. */
    private static String sameForAll(List<FakeViewerConnection> connections, Predicate<String> wanted) throws Exception {
        String first = null;
        for (FakeViewerConnection connection : connections) {
            assertTrue(FakeViewerConnection.await(() -> connection.texts().stream().anyMatch(wanted)), "no such message");
            Optional<String> text = connection.texts().stream().filter(wanted).findFirst();
            if (first == null) {
                first = text.orElseThrow();
            } else {
                assertSame(first, text.orElseThrow(), "serialised again for another viewer");
            }
        }
        return first;
    }
}
