package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens and abandons thousands of connections in every way a client can (closed at once, reset
 * mid-line, cut mid-negotiation, half-open, WebSockets aborted) and checks nothing is left behind:
 * no session, no runaway threads, no retained heap. Bounded in count and time.
 */
class ChurnTest {

    private static final int ROUNDS = 400;

    @Test
    void abandonedConnectionsLeaveNothingBehind() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    max_connections: 10000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  tcp:
                    port: 0
                    transport: tcp
                    max_connections: 10000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    connection_timeout: 2
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    max_connections: 10000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            // Warm up once so lazily created pools and classes are part of the baseline.
            churn(running, 20);
            awaitNoSessions(running);
            int threadsBefore = Thread.activeCount();
            long heapBefore = usedHeapAfterGc();

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            churn(running, ROUNDS);
            assertTrue(System.nanoTime() < deadline, "churn took too long");
            awaitNoSessions(running);

            int threadsAfter = Thread.activeCount();
            long heapAfter = usedHeapAfterGc();
            assertTrue(threadsAfter < threadsBefore + 64,
                    "threads bounded: " + threadsBefore + " before, " + threadsAfter + " after");
            assertTrue(heapAfter < heapBefore + 32L * 1024 * 1024,
                    "heap not growing: " + heapBefore / 1024 + " KiB before, " + heapAfter / 1024 + " KiB after");
            try (LineClient client = new LineClient(running.port("tcp"))) {
                client.await("> ");
                client.send("still serving\n");
                assertEquals("Echo: still serving\r\n> ", client.await("> "));
            }
        }
    }

    /** ROUNDS times: five raw-socket abuses and one aborted WebSocket. */
    private static void churn(RunningServer running, int rounds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < rounds; i++) {
            closeAtOnce(running.port("tcp"));
            resetMidLine(running.port("tcp"));
            resetMidLine(running.port("telnet"));
            cutMidNegotiation(running.port("telnet"));
            halfOpen(running.port("tcp"));
            if (i % 4 == 0) {
                http.newWebSocketBuilder().buildAsync(URI.create(running.ws("websocket", "/ws")), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS).abort();
            }
        }
    }

    private static Socket connect(int port) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    private static void closeAtOnce(int port) throws Exception {
        connect(port).close();
    }

    private static void resetMidLine(int port) throws Exception {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
            socket.setSoLinger(true, 0); // RST instead of FIN
        }
    }

    private static void cutMidNegotiation(int port) throws Exception {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 255, (byte) 250, 24, 0, 'x', 't'}); // IAC SB TTYPE IS "xt" ... never ended
        }
    }

    private static void halfOpen(int port) throws Exception {
        Socket socket = connect(port);
        socket.shutdownOutput(); // FIN from the client; it never reads nor closes its side here
        socket.close();
    }

    private static void awaitNoSessions(RunningServer running) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running.server.sessionHost().registry().size() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(running.server.sessionHost().registry().sessions() + " left behind");
            }
            Thread.onSpinWait();
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
