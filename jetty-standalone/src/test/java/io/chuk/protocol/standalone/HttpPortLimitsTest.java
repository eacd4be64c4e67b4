package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP port of a WebSocket entry before the upgrade: slow clients dribbling a request header
 * are closed by {@code request_header_timeout}, and connections past {@code max_pending_connections}
 * are closed at once, while WebSocket sessions (which no longer count) keep working.
 */
class HttpPortLimitsTest {

    private static final byte[] UPGRADE = ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final String NOT_FOUND = "GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final int SLOW_CLIENTS = 50;

    @Test
    void slowHeadersAreClosedByTheDeadlineWhileAWebSocketClientGetsIn() throws Exception {
        ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
        List<LineClient> slow = new ArrayList<>();
        try (RunningServer running = new RunningServer("""
                transport: websocket
                port: 0
                request_header_timeout: 1
                max_pending_connections: 60
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            int port = running.port("websocket");
            LineClient keptAlive = new LineClient(port);
            slow.add(keptAlive);
            keptAlive.send(NOT_FOUND);
            keptAlive.await("HTTP/1.1 404"); // its next request, dribbled, gets a deadline of its own
            for (int i = 1; i < SLOW_CLIENTS; i++) {
                slow.add(new LineClient(port));
            }
            AtomicInteger sent = new AtomicInteger();
            // One header byte per client every 200 ms: the connector's idle timeout never fires.
            dribbler.scheduleAtFixedRate(() -> {
                int at = sent.getAndIncrement();
                if (at >= UPGRADE.length) {
                    return;
                }
                for (LineClient client : slow) {
                    try {
                        client.sendBytes(new byte[] {UPGRADE[at]});
                    } catch (IOException closed) {
                        // the server closed it: what the test waits for
                    }
                }
            }, 0, 200, TimeUnit.MILLISECONDS);

            try (WsClient ws = WsClient.connect(running.ws("websocket", "/ws"))) {
                ws.await("TEXT Type 'quit' to disconnect.");
                ws.send("still here");
                assertEquals("TEXT Echo: still here", ws.next());
            }
            long start = System.nanoTime();
            for (LineClient client : slow) {
                String answer = client.awaitClose();
                assertFalse(answer.contains("HTTP/1.1 "), "closed without an answer to the slow header: " + answer);
            }
            assertTrue(sent.get() < UPGRADE.length, "closed before the header was complete (" + sent.get() + " bytes)");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "closed within a generous bound");
        } finally {
            dribbler.shutdownNow();
            for (LineClient client : slow) {
                client.close();
            }
        }
    }

    @Test
    void connectionsPastTheCapAreClosedWhileUpgradedSessionsKeepWorking() throws Exception {
        List<LineClient> waiting = new ArrayList<>();
        try (RunningServer running = new RunningServer("""
                transport: websocket
                port: 0
                max_pending_connections: 5
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
             WsClient first = WsClient.connect(running.ws("websocket", "/ws"));
             WsClient second = WsClient.connect(running.ws("websocket", "/ws"))) {
            int port = running.port("websocket");
            for (int i = 0; i < 5; i++) {
                waiting.add(keptAliveHttpClient(port));
            }
            try (LineClient refused = new LineClient(port)) {
                assertEquals("", refused.awaitClose(), "the sixth pending connection is closed at once");
            }
            assertThrows(Exception.class, () -> WsClient.connect(running.ws("websocket", "/ws")).close(),
                    "no handshake while the cap is taken");
            for (WsClient session : List.of(first, second)) {
                session.await("TEXT Type 'quit' to disconnect.");
                session.send("upgraded");
                assertEquals("TEXT Echo: upgraded", session.next());
            }

            waiting.remove(0).close();
            try (WsClient third = connectWithin(running.ws("websocket", "/ws"), Duration.ofSeconds(10))) {
                third.await("TEXT Type 'quit' to disconnect.");
                // The third session left the count on its upgrade: one HTTP connection fits again, not two.
                waiting.add(keptAliveHttpClient(port));
                try (LineClient refused = new LineClient(port)) {
                    assertEquals("", refused.awaitClose());
                }
                third.send("third");
                assertEquals("TEXT Echo: third", third.next());
            }
        } finally {
            for (LineClient client : waiting) {
                client.close();
            }
        }
    }

    @Test
    void silentSocketsOnATlsPortCountFromTheStartAndAreClosedByTheDeadline(@TempDir Path dir) throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        List<LineClient> silent = new ArrayList<>();
        try (RunningServer running = new RunningServer("""
                transport: websocket
                port: 0
                use_ssl: true
                ssl_cert: %s
                ssl_key: %s
                request_header_timeout: 1
                max_pending_connections: 3
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """.formatted(certificate.certificatePem, certificate.keyPem))) {
            int port = running.port("websocket");
            for (int i = 0; i < 4; i++) {
                silent.add(new LineClient(port)); // plain sockets that never start the TLS handshake
            }
            for (LineClient client : silent) {
                assertEquals("", client.awaitClose(), "the fourth at once, the others at the deadline");
            }
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.clientContext).build();
            try (WsClient ws = WsClient.connect(https, "wss://127.0.0.1:" + port + "/ws", null)) {
                ws.await("TEXT Type 'quit' to disconnect.");
                ws.send("over tls");
                assertEquals("TEXT Echo: over tls", ws.next());
            }
        } finally {
            for (LineClient client : silent) {
                client.close();
            }
        }
    }

    /** An HTTP client that has had one answer and keeps its connection open for the next request. */
    private static LineClient keptAliveHttpClient(int port) throws IOException {
        LineClient client = new LineClient(port);
        client.send(NOT_FOUND);
        client.await("HTTP/1.1 404");
        return client;
    }

    /** Retries the handshake until the server, having seen a pending connection close, has room again. */
    private static WsClient connectWithin(String uri, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return WsClient.connect(uri);
            } catch (Exception refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
            }
        }
    }
}
