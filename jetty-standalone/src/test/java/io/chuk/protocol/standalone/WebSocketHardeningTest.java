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

/** Origin checks, message size limit and ping liveness, with real clients. */
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
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", running.port("pinging")), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String response = readHeaders(in);
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            List<Integer> opcodes = new ArrayList<>();
            String closeReason = null;
            int closeCode = 0;
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
                        closeCode = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                        closeReason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
                        break;
                    }
                }
            } catch (EOFException e) {
                // the server may drop the connection right after its close frame
            }
            assertTrue(opcodes.contains(0x9), "the server pinged: " + opcodes);
            assertEquals(1011, closeCode);
            assertEquals("Ping timeout", closeReason);
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
