package io.chuk.protocol.standalone;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TLS handshakes: sockets that never complete one are closed at {@code tls_handshake_timeout} and
 * never hold a session or a {@code max_connections} slot; clients may not renegotiate.
 */
class TlsHandshakeTest {

    private static final String ECHO = "    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler\n";
    /**
     * Generous upper bound for a silent socket to be closed with a 2 s handshake timeout; far
     * below the other timeouts that could close it (HTTP idle 30 s, raw reaper 330 s).
     */
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aTlsClientGetsInWhileTwentySilentSocketsSitOnAFiveSlotEntry() throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        try (RunningServer running = new RunningServer("servers:\n"
                + "  telnet:\n    port: 0\n    transport: telnet\n    max_connections: 5\n    tls_handshake_timeout: 2\n"
                + ECHO + tls(certificate)
                + "  websocket:\n    port: 0\n    transport: websocket\n    tls_handshake_timeout: 2\n"
                + ECHO + tls(certificate))) {
            AtomicInteger started = new AtomicInteger();
            running.server.sessionHost().registry().addListener(new SessionListener() {
                @Override
                public void sessionStarted(Session session) {
                    started.incrementAndGet();
                }
            });
            List<Socket> silent = new ArrayList<>();
            List<LineClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    silent.add(connect(running.port("telnet")));
                }
                for (int i = 0; i < 2; i++) {
                    silent.add(connect(running.port("websocket")));
                }
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    LineClient client = new LineClient(certificate.clientContext.getSocketFactory().createSocket(),
                            running.port("telnet"), StandardCharsets.ISO_8859_1);
                    clients.add(client);
                    client.await("> ");
                    client.send("hello " + i + "\r\n");
                    assertTrue(client.await("> ").contains("Echo: hello " + i), "client " + i + " is served");
                }
                assertEquals(5, running.server.sessionHost().registry().size(), "every slot went to a TLS client");
                try (LineClient sixth = new LineClient(certificate.clientContext.getSocketFactory().createSocket(),
                        running.port("telnet"), StandardCharsets.ISO_8859_1)) {
                    assertTrue(sixth.awaitClose().contains(SessionFactory.CAPACITY_MESSAGE), "max_connections still holds");
                }

                for (Socket socket : silent) {
                    assertClosedBefore(socket, start + CLOSE_BOUND.toNanos());
                }
                System.out.printf("22 silent sockets closed %d ms after the first TLS client connected%n",
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertEquals(5, started.get(), "sessions ever opened: only the five TLS clients, never a silent socket");
                assertEquals(5, running.server.sessionHost().registry().size());
            } finally {
                for (LineClient client : clients) {
                    client.close();
                }
                for (Socket socket : silent) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void clientInitiatedRenegotiationOnTls12IsRefused() throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        try (RunningServer running = new RunningServer("servers:\n"
                + "  tcp:\n    port: 0\n    transport: tcp\n" + ECHO + tls(certificate))) {
            SSLSocket socket = (SSLSocket) certificate.clientContext.getSocketFactory().createSocket();
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            try (LineClient client = new LineClient(socket, running.port("tcp"), StandardCharsets.ISO_8859_1)) {
                client.await("> ");
                assertEquals("TLSv1.2", socket.getSession().getProtocol());
                client.send("before\r\n");
                assertTrue(client.await("> ").contains("Echo: before"));
                try {
                    socket.startHandshake(); // a second handshake on TLS 1.2 is a renegotiation
                } catch (IOException refused) {
                    // the server hung up in the middle of it
                }
                client.awaitClose();
            }
            running.awaitSessions(0);
        }
    }

    @Test
    void tlsAfterAProxyHeaderStillGivesTheRealClientAddressAndHasTheDeadline() throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        try (RunningServer running = new RunningServer("servers:\n"
                + "  telnet:\n    port: 0\n    transport: telnet\n    proxy_protocol: true\n    tls_handshake_timeout: 2\n"
                + ECHO + tls(certificate))) {
            int port = running.port("telnet");
            try (Socket silent = connect(port)) {
                silent.getOutputStream().write(proxyHeader());
                long start = System.nanoTime();
                Socket raw = connect(port);
                raw.getOutputStream().write(proxyHeader());
                Socket socket = certificate.clientContext.getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
                try (LineClient client = new LineClient(socket, StandardCharsets.ISO_8859_1)) {
                    client.await("> ");
                    client.send("info\r\n");
                    assertTrue(client.await("Session:").contains("Connected from: 198.51.100.9:5555"));
                }
                assertClosedBefore(silent, start + CLOSE_BOUND.toNanos());
            }
        }
    }

    private static String tls(TestCertificate certificate) {
        return "    use_ssl: true\n    ssl_cert: " + certificate.certificatePem + "\n    ssl_key: " + certificate.keyPem + "\n";
    }

    private static byte[] proxyHeader() {
        return "PROXY TCP4 198.51.100.9 127.0.0.1 5555 8023\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    /** The server closes {@code socket} (end of stream or reset) before {@code deadline}, without sending anything. */
    private static void assertClosedBefore(Socket socket, long deadline) throws IOException {
        long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (remaining <= 0) {
            fail("no time left to see the socket closed within " + CLOSE_BOUND);
        }
        socket.setSoTimeout((int) remaining);
        try {
            assertEquals(-1, socket.getInputStream().read(), "a socket that never started TLS is sent nothing");
        } catch (SocketTimeoutException e) {
            fail("socket still open " + CLOSE_BOUND + " after it connected");
        } catch (IOException reset) {
            // closed hard: that is closed too
        }
    }
}
