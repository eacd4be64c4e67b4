package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCCP2 and MCCP3 on the echo sample with {@code compression} on: raw clients that accept or
 * refuse, a plain socket, real telnet and TinTin++ on the same port, telnet over TLS and ws_telnet.
 */
class CompressionEndToEndTest {

    private static final String OPENING = "\u00FF\u00FB\u0001\u00FF\u00FB\u0003\u00FF\u00FD\u0003"
            + "\u00FF\u00FD\u0018\u00FF\u00FD\u001F\u00FF\u00FC\"";
    private static final String OFFERS = "\u00FF\u00FBV\u00FF\u00FBW"; // IAC WILL 86, IAC WILL 87
    private static final String START = "\u00FF\u00FAV\u00FF\u00F0"; // IAC SB 86 IAC SE
    private static final byte[] DO_MCCP2 = {(byte) 255, (byte) 253, 86};
    private static final byte[] DONT_MCCP2 = {(byte) 255, (byte) 254, 86};
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String ENTRY = """
                port: 0
                transport: telnet
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                welcome_message: Hello mccp
                compression: mccp2+mccp3
            """;
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("servers:\n  telnet:\n" + ENTRY + """
                  ws_telnet:
                    port: 0
                    transport: ws_telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello mccp
                    compression: mccp2
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    /** Bytes as ISO-8859-1 chars, so telnet commands and zlib bytes can be found in a string. */
    private static String latin(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** What a client's zlib makes of {@code wire} after its {@code IAC SB 86 IAC SE}; fails on an invalid stream. */
    static String inflatedAfterStart(String wire) {
        int start = wire.indexOf(START);
        if (start < 0) {
            return "";
        }
        byte[] stream = wire.substring(start + START.length()).getBytes(StandardCharsets.ISO_8859_1);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = inflater.inflate(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            return latin(out.toByteArray());
        } catch (DataFormatException e) {
            throw new AssertionError("not a valid zlib stream after IAC SB 86 IAC SE: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** Reads {@code socket} until what it sent so far satisfies {@code done}; returns all of it. */
    private static String readUntil(Socket socket, ByteArrayOutputStream seen, Predicate<String> done) throws IOException {
        socket.setSoTimeout(100);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(latin(seen.toByteArray()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never got it; so far: " + latin(seen.toByteArray()));
            }
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("closed; so far: " + latin(seen.toByteArray()));
                }
                seen.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                // poll again until the deadline
            }
        }
        return latin(seen.toByteArray());
    }

    /** A client that answers DO 86: everything after the start inflates to the echo sample's output. */
    private static void acceptsCompression(Socket socket) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        OutputStream out = socket.getOutputStream();
        String opening = readUntil(socket, seen, s -> s.contains("> "));
        assertTrue(opening.startsWith(OPENING + OFFERS + "Hello mccp\r\n"), opening);
        out.write(DO_MCCP2);
        out.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String wire = readUntil(socket, seen, s -> inflatedAfterStart(s).contains("Echo: hello\r\n"));
        assertEquals(opening.length(), wire.indexOf(START), "compression starts right after the opening output");
        String text = inflatedAfterStart(wire);
        assertTrue(text.startsWith("Echo: hello\r\n"), text);
        assertFalse(wire.substring(wire.indexOf(START) + START.length()).contains("Echo"), "the echo is compressed");
    }

    @Test
    void aClientThatAcceptsGetsAZlibStreamOfTheEchoOutput() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.port("telnet"))) {
            acceptsCompression(socket);
        }
    }

    @TempDir
    Path dir;

    @Test
    void telnetOverTlsCompressesInsideTheTlsStream() throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        try (RunningServer tls = new RunningServer("servers:\n  telnet:\n" + ENTRY
                + "    use_ssl: true\n    ssl_cert: " + certificate.certificatePem + "\n    ssl_key: " + certificate.keyPem + "\n");
             Socket socket = certificate.clientContext.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", tls.port("telnet")));
            acceptsCompression(socket);
        }
    }

    @Test
    void aClientThatRefusesGetsPlainText() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.port("telnet"))) {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            readUntil(socket, seen, s -> s.contains("> "));
            socket.getOutputStream().write(DONT_MCCP2);
            socket.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
            String wire = readUntil(socket, seen, s -> s.contains("Echo: hello\r\n"));
            assertFalse(wire.contains(START), wire);
        }
    }

    @Test
    void aPlainSocketSeesOnlyTheOpeningAndPlainText() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.port("telnet"))) {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            String opening = readUntil(socket, seen, s -> s.contains("> "));
            socket.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
            String wire = readUntil(socket, seen, s -> s.endsWith("Echo: hello\r\n> "));
            assertEquals(OPENING + OFFERS + "Hello mccp\r\n", opening.substring(0, opening.indexOf("Hello mccp\r\n") + 12));
            assertEquals("Echo: hello\r\n> ", wire.substring(opening.length()), "nothing but the echo and the prompt");
        }
    }

    @Test
    void wsTelnetCarriesTheCompressedStreamInBinaryFrames() throws Exception {
        try (WsClient ws = WsClient.connect(running.ws("ws_telnet", "/ws_telnet"))) {
            StringBuilder received = new StringBuilder();
            ws.awaitBinary("> ", received);
            assertTrue(received.toString().startsWith(OPENING + "\u00FF\u00FBVHello mccp\r\n"), received.toString());
            ws.sendBinary(DO_MCCP2);
            ws.sendBinary("hello\r\n".getBytes(StandardCharsets.US_ASCII));
            while (!inflatedAfterStart(received.toString()).contains("Echo: hello\r\n")) {
                String event = ws.next(); // fails after its timeout
                assertTrue(event.startsWith("BINARY "), event);
                received.append(event.substring(7));
            }
            assertFalse(received.substring(received.indexOf(START)).contains("Echo"), "the echo is compressed");
        }
    }

    @Test
    void realTelnetOnTheSamePortIsUnaffected() throws Exception {
        ClientTools.ensureInstalled();
        try (TmuxTerminal telnet = new TmuxTerminal("telnet 127.0.0.1 " + running.port("telnet"), 100, 30)) {
            telnet.awaitText("Hello mccp");
            telnet.type("hello");
            telnet.enter();
            telnet.awaitText("Echo: hello");
        }
    }

    @Test
    void tinTinNegotiatesMccp2AndMccp3AndShowsTheEcho() throws Exception {
        ClientTools.ensureInstalled();
        try (Relay relay = new Relay(running.port("telnet"));
             TmuxTerminal tintin = new TmuxTerminal(tinTin(), 100, 30)) {
            tintin.awaitText("T I N T I N + +"); // its banner
            tintin.type("#session x 127.0.0.1 " + relay.port());
            tintin.enter();
            tintin.awaitText("Hello mccp");
            tintin.type("hello");
            tintin.enter();
            tintin.awaitText("Echo: hello");
            String wire = relay.serverToClient();
            assertTrue(wire.contains(START), "TinTin++ answered DO 86: " + wire);
            assertTrue(inflatedAfterStart(wire).contains("Echo: hello\r\n"), "a valid zlib stream with the echo");
            String typed = relay.clientToServer();
            int mccp3 = typed.indexOf("\u00FF\u00FAW\u00FF\u00F0"); // IAC SB 87 IAC SE: TinTin++ compresses too
            assertTrue(mccp3 >= 0, "TinTin++ started MCCP3");
            assertEquals(0x78, typed.charAt(mccp3 + 5), "a zlib header follows, and the echo above came through it");
            assertFalse(typed.substring(mccp3).contains("hello"), "what was typed went compressed");
        }
    }

    private static String tinTin() {
        return java.nio.file.Files.isExecutable(Path.of("/usr/games/tt++")) ? "/usr/games/tt++" : "tt++";
    }

    /** Passes one connection through to the server and records what the server sent. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final Thread acceptor;
        private volatile Socket client;
        private volatile Socket server;

        Relay(int serverPort) throws IOException {
            acceptor = new Thread(() -> {
                try {
                    client = listener.accept();
                    server = new Socket("127.0.0.1", serverPort);
                    Thread up = new Thread(() -> pump(client, server, fromClient), "relay-up");
                    up.setDaemon(true);
                    up.start();
                    pump(server, client, fromServer);
                } catch (IOException e) {
                    // the test closed the relay
                }
            }, "relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        String serverToClient() {
            synchronized (fromServer) {
                return latin(fromServer.toByteArray());
            }
        }

        String clientToServer() {
            synchronized (fromClient) {
                return latin(fromClient.toByteArray());
            }
        }

        private static void pump(Socket from, Socket to, ByteArrayOutputStream record) {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (record != null) {
                        synchronized (record) {
                            record.write(buffer, 0, n);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : new Socket[] {client, server}) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
