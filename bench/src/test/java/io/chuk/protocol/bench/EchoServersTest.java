package io.chuk.protocol.bench;

import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.standalone.StandaloneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator against every server the bench drives, in this JVM: each answers every echo. */
class EchoServersTest {

    private static final int CONNECTIONS = 10;
    private static final long ANSWERS = 500;
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    private static ChildServer.Running netty;
    private static StandaloneServer ours;
    private static BaselineTcpServer jettyTcp;
    private static BaselineWebSocketServer jettyWebSocket;
    private static BaselineCoreWebSocketServer jettyCoreWebSocket;

    @BeforeAll
    static void startServers() throws Exception {
        ChildServer.quietLogging(false);
        netty = NettyEchoServer.start();
        ours = new StandaloneServer(new ConfigLoader().parse(OursServer.YAML, "bench.yaml"));
        ours.start();
        jettyTcp = new BaselineTcpServer();
        jettyWebSocket = new BaselineWebSocketServer();
        jettyCoreWebSocket = new BaselineCoreWebSocketServer();
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (netty != null) {
            netty.stopper().close();
        }
        if (ours != null) {
            ours.close();
        }
        if (jettyTcp != null) {
            jettyTcp.close();
        }
        if (jettyWebSocket != null) {
            jettyWebSocket.close();
        }
        if (jettyCoreWebSocket != null) {
            jettyCoreWebSocket.close();
        }
    }

    private static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    private static Supplier<Wire> lines() {
        return () -> new LineWire(new byte[] {'\n'});
    }

    private static Supplier<Wire> webSocket(int port) {
        return () -> new WebSocketWire("127.0.0.1", port, "/ws");
    }

    /** A closed loop on every connection until {@link #ANSWERS} verified answers, then every connection answered. */
    private static void echoes(InetSocketAddress server, Supplier<Wire> wires) throws Exception {
        try (SocketLoad load = SocketLoad.start(server, CONNECTIONS, wires, 2, true)) {
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (load.completed() < ANSWERS && load.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNull(load.failure());
            assertTrue(load.completed() >= ANSWERS, "answers: " + load.completed());
            assertEquals(0, load.stalled(new long[CONNECTIONS]), "every connection got answers");
        }
    }

    @Test
    void nettyEchoesTcpAndWebSocket() throws Exception {
        echoes(local(netty.ports().get("tcp")), lines());
        echoes(local(netty.ports().get("websocket")), webSocket(netty.ports().get("websocket")));
    }

    @Test
    void oursEchoesTcpTelnetAndWebSocket() throws Exception {
        echoes(local(ours.localPort("tcp")), lines());
        echoes(local(ours.localPort("telnet")), TelnetWire::new);
        echoes(local(ours.localPort("websocket")), webSocket(ours.localPort("websocket")));
    }

    @Test
    void jettyBaselinesEchoTcpAndWebSocket() throws Exception {
        echoes(local(jettyTcp.port()), lines());
        echoes(local(jettyWebSocket.port()), webSocket(jettyWebSocket.port()));
        echoes(local(jettyCoreWebSocket.port()), webSocket(jettyCoreWebSocket.port()));
    }

    @Test
    void idleSessionsSendNothingUntilStarted() throws Exception {
        int sessions = 50;
        try (SocketLoad load = SocketLoad.start(local(netty.ports().get("tcp")), sessions, lines(), 2, false)) {
            assertEquals(sessions, load.connections());
            assertEquals(0, load.completed(), "no request before startSending");
            load.startSending();
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            while (load.stalled(new long[sessions]) > 0 && load.failure() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNull(load.failure());
            assertEquals(0, load.stalled(new long[sessions]), "every idle session answered once started");
        }
    }

    @Test
    void aWrongAnswerFailsTheLoad() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread skipper = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    InputStream in = socket.getInputStream();
                    while (in.read() != '\n') {
                        // the first request
                    }
                    out.write("Echo: line 1\r\n".getBytes(StandardCharsets.US_ASCII)); // skips line 0
                    in.read(); // until the client hangs up
                } catch (IOException ignored) {
                    // the client closed
                }
            }, "wrong-echo-server");
            skipper.start();
            // The wrong answer may arrive before start() returns, which then reports it itself.
            Throwable failure;
            try (SocketLoad load = SocketLoad.start(local(server.getLocalPort()), 1, lines(), 1, true)) {
                long deadline = System.nanoTime() + DEADLINE_NANOS;
                while (load.failure() == null && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                failure = load.failure();
                assertEquals(0, load.completed());
            } catch (IOException fromStart) {
                failure = fromStart;
            }
            assertNotNull(failure);
            assertTrue(failure.getMessage().contains("expected 'Echo: line 0', got 'Echo: line 1'"), failure.getMessage());
            skipper.join(5000);
            assertFalse(skipper.isAlive());
        }
    }

    @Test
    void aServerThatNeverSaysReadyIsReported() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread rude = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read();
                } catch (IOException ignored) {
                    // the client closed
                }
            }, "rude-server");
            rude.start();
            IOException failed = assertThrows(IOException.class,
                    () -> SocketLoad.start(local(server.getLocalPort()), 1, lines(), 1, true).close());
            assertTrue(String.valueOf(failed.getCause()).contains("expected 'ready', got 'hello'"),
                    String.valueOf(failed.getCause()));
            rude.join(5000);
            assertFalse(rude.isAlive());
        }
    }
}
