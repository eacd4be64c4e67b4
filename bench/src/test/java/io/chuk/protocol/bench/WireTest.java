package io.chuk.protocol.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireTest {

    private static final int IAC = 255;

    /** Feeds the chunks one read at a time, keeping what is left over as SocketLoad does. */
    private static List<String> decode(Wire wire, ByteBuffer out, byte[]... chunks) throws IOException {
        List<String> messages = new ArrayList<>();
        ByteBuffer in = ByteBuffer.allocate(4096);
        for (byte[] chunk : chunks) {
            in.put(chunk);
            in.flip();
            wire.decode(in, out, (bytes, offset, length) ->
                    messages.add(new String(bytes, offset, length, StandardCharsets.ISO_8859_1)));
            in.compact();
        }
        return messages;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String written(ByteBuffer out) {
        return new String(out.array(), 0, out.position(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void linesEndInLfOrCrLfAndAPartialLineWaits() throws IOException {
        Wire wire = new LineWire(new byte[] {'\n'});
        assertEquals(List.of("ready", "Echo: line 0", "Echo: line 1"),
                decode(wire, ByteBuffer.allocate(64), ascii("ready\r\nEcho: line 0\nEcho: li"), ascii("ne 1\r\n")));
        ByteBuffer out = ByteBuffer.allocate(64);
        wire.request(1234, out);
        assertEquals("line 1234\n", written(out));
    }

    @Test
    void telnetDropsCommandsEvenSplitAcrossReadsAndAnswersNone() throws IOException {
        ByteBuffer out = ByteBuffer.allocate(64);
        Wire wire = new TelnetWire();
        List<String> messages = decode(wire, out,
                bytes(IAC, 251, 1, IAC, 253, 24, 'r', 'e', IAC),         // WILL ECHO, DO TTYPE, then IAC split off
                bytes(250, 24, 1, IAC, IAC, IAC, 240, 'a', IAC, 241, 'd'), // SB TTYPE SEND (escaped 255) SE, NOP
                bytes('y', '\r', '\n', 'E', 'c', 'h', 'o', ':', ' ', IAC, IAC, '\r', '\n'));
        assertEquals(List.of("ready", "Echo: \u00ff"), messages);
        assertEquals(0, out.position(), "a client that never negotiates answers nothing");
        wire.request(7, out);
        assertEquals("line 7\r\n", written(out));
    }

    @Test
    void webSocketUpgradesThenReadsTextFramesAndAnswersPings() throws Exception {
        WebSocketWire wire = new WebSocketWire("127.0.0.1", 8025, "/ws");
        ByteBuffer out = ByteBuffer.allocate(1024);
        wire.open(out);
        String request = written(out);
        assertTrue(request.startsWith("GET /ws HTTP/1.1\r\n"), request);
        assertTrue(request.contains("Host: 127.0.0.1:8025\r\n"), request);
        out.clear();

        byte[] upgrade = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "sec-websocket-accept: " + accept(request) + "\r\n\r\n");
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.write(bytes(0x81, 5));
        frames.write(ascii("ready"));
        frames.write(bytes(0x89, 2, 'h', 'i'));      // a ping
        frames.write(bytes(0x81, 126, 0, 12));       // 16-bit length
        frames.write(ascii("Echo: line 0"));
        byte[] all = frames.toByteArray();
        byte[] first = new byte[upgrade.length + 3];
        System.arraycopy(upgrade, 0, first, 0, upgrade.length);
        System.arraycopy(all, 0, first, upgrade.length, 3);
        byte[] rest = Arrays.copyOfRange(all, 3, all.length);

        assertEquals(List.of("ready", "Echo: line 0"), decode(wire, out, first, rest));
        assertEquals("hi", unmask(out, 0x8A), "the ping is answered by a masked pong with its payload");
        out.clear();
        wire.request(42, out);
        assertEquals("line 42", unmask(out, 0x81));
    }

    @Test
    void webSocketRefusesAWrongAcceptAFragmentAndACloseFrame() {
        WebSocketWire wrongAccept = new WebSocketWire("127.0.0.1", 1, "/ws");
        wrongAccept.open(ByteBuffer.allocate(1024));
        assertThrows(IOException.class, () -> decode(wrongAccept, ByteBuffer.allocate(64),
                ascii("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: bm9wZQ==\r\n\r\n")));

        assertThrows(IOException.class, () -> decode(upgraded(), ByteBuffer.allocate(64), bytes(0x01, 1, 'x')));
        IOException closed = assertThrows(IOException.class,
                () -> decode(upgraded(), ByteBuffer.allocate(64), bytes(0x88, 2, 0x03, 0xF3)));
        assertTrue(closed.getMessage().contains("1011"), closed.getMessage());
    }

    @Test
    void echoCheckAcceptsExactlyTheExpectedAnswer() {
        byte[] answer = ascii("Echo: line 42");
        assertTrue(SocketLoad.isEcho(answer, 0, answer.length, 42));
        assertFalse(SocketLoad.isEcho(answer, 0, answer.length, 43));
        assertFalse(SocketLoad.isEcho(answer, 0, answer.length - 1, 42));
        byte[] zero = ascii("Echo: line 0");
        assertTrue(SocketLoad.isEcho(zero, 0, zero.length, 0));
        for (String wrong : new String[] {"Echo: line 042", "Echo: line ", "Echo: lime 42", "Echo: line 4x"}) {
            byte[] bytes = ascii(wrong);
            assertFalse(SocketLoad.isEcho(bytes, 0, bytes.length, 42), wrong);
        }
    }

    private static WebSocketWire upgraded() throws Exception {
        WebSocketWire wire = new WebSocketWire("127.0.0.1", 1, "/ws");
        ByteBuffer out = ByteBuffer.allocate(1024);
        wire.open(out);
        decode(wire, ByteBuffer.allocate(64), ascii("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: "
                + accept(written(out)) + "\r\n\r\n"));
        return wire;
    }

    private static String accept(String request) throws Exception {
        Matcher key = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n").matcher(request);
        assertTrue(key.find(), request);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
    }

    /** The payload of the one short masked client frame in {@code out}, after checking its first byte. */
    private static String unmask(ByteBuffer out, int firstByte) {
        byte[] frame = Arrays.copyOf(out.array(), out.position());
        assertEquals(firstByte, frame[0] & 0xff);
        assertEquals(0x80, frame[1] & 0x80, "client frames are masked");
        int length = frame[1] & 0x7f;
        assertEquals(6 + length, frame.length);
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (frame[6 + i] ^ frame[2 + (i & 3)]);
        }
        return new String(payload, StandardCharsets.ISO_8859_1);
    }
}
