package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Origin checks, message size limit, UTF-8 checks and ping liveness, with real clients. */
class WebSocketHardeningTest {

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  strict:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    allow_origins: ["https://app.example.com"]
                    max_message_size: 2048
                    connection_timeout: 0
                  pinging:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    ping_interval: 0.3
                    ping_timeout: 0.3
                    connection_timeout: 0
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void foreignOriginIsRefusedWith403BeforeTheUpgrade() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "https://evil.example.net")
                .buildAsync(URI.create(running.ws("strict", "/ws")), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        assertEquals(403, handshake.getResponse().statusCode());
    }

    @Test
    void listedOriginAndNonBrowserClientsAreAccepted() throws Exception {
        try (WsClient browser = WsClient.connect(running.ws("strict", "/ws"), "https://APP.example.com");
             WsClient script = WsClient.connect(running.ws("strict", "/ws?client=script"))) {
            browser.await("TEXT Type 'quit' to disconnect.");
            script.await("TEXT Type 'quit' to disconnect.");
            browser.send("hi");
            assertEquals("TEXT Echo: hi", browser.next());
        }
    }

    @Test
    void overSizeMessageClosesWith1009() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("strict", "/ws"))) {
            client.await("TEXT Type 'quit' to disconnect.");
            client.send("x".repeat(10_000));
            String close = client.next();
            assertTrue(close.startsWith("CLOSE 1009 "), close);
        }
    }

    @Test
    void peerThatNeverAnswersPingsIsClosed() throws Exception {
        try (Socket socket = upgraded(running.port("pinging"))) {
            List<Integer> opcodes = new ArrayList<>();
            Close close = readUntilClose(new DataInputStream(socket.getInputStream()), opcodes);
            assertTrue(opcodes.contains(0x9), "the server pinged: " + opcodes);
            assertEquals(1011, close.code());
            assertEquals("Ping timeout", close.reason());
        }
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007() throws Exception {
        try (Socket socket = upgraded(running.port("strict"))) {
            byte[] notUtf8 = {'o', 'k', (byte) 0xC3, '('}; // a lead byte followed by no continuation byte
            byte[] mask = {9, 8, 7, 6};
            byte[] frame = new byte[2 + mask.length + notUtf8.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | notUtf8.length);
            System.arraycopy(mask, 0, frame, 2, mask.length);
            for (int i = 0; i < notUtf8.length; i++) {
                frame[6 + i] = (byte) (notUtf8[i] ^ mask[i % 4]);
            }
            socket.getOutputStream().write(frame);
            assertEquals(1007, readUntilClose(new DataInputStream(socket.getInputStream()), new ArrayList<>()).code());
        }
    }

    @Test
    void textBeyondAsciiRoundTrips() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("strict", "/ws"))) {
            client.await("TEXT Type 'quit' to disconnect.");
            client.send("h\u00e9llo \u2713 \uD83D\uDE00");
            assertEquals("TEXT Echo: h\u00e9llo \u2713 \uD83D\uDE00", client.next());
        }
    }

    /** A raw socket past a WebSocket upgrade, reading with a timeout. */
    private static Socket upgraded(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = readHeaders(new DataInputStream(socket.getInputStream()));
        assertTrue(response.startsWith("HTTP/1.1 101"), response);
        return socket;
    }

    private record Close(int code, String reason) {
    }

    /** Reads server frames (their opcodes into {@code opcodes}) up to and including the close frame. */
    private static Close readUntilClose(DataInputStream in, List<Integer> opcodes) throws IOException {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int length = in.readUnsignedByte() & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                }
                byte[] payload = in.readNBytes(length);
                int opcode = first & 0x0F;
                opcodes.add(opcode);
                if (opcode == 0x8) {
                    int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                    return new Close(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
                }
            }
        } catch (EOFException e) {
            return new Close(0, "the server dropped the connection without a close frame");
        }
    }

    @Test
    void clientThatAnswersPingsStaysConnected() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("pinging", "/ws"))) {
            client.await("TEXT Type 'quit' to disconnect.");
            for (int i = 0; i < 4; i++) {
                client.send("tick " + i);
                assertEquals("TEXT Echo: tick " + i, client.next());
                Thread.sleep(300); // spans several ping rounds; pacing, not synchronisation
            }
        }
    }

    private static String readHeaders(DataInputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            headers.write(in.readUnsignedByte());
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }
}
