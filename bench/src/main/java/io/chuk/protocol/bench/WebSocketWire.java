package io.chuk.protocol.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal RFC 6455 client on a plain socket: the upgrade request (its {@code 101} answer and
 * {@code Sec-WebSocket-Accept} are checked), then each request as one masked text frame and each
 * server text frame as one message. Pings are answered with pongs; a close frame, a fragmented or
 * masked server frame, or any other opcode is an error.
 */
final class WebSocketWire implements Wire {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] LINE = {'l', 'i', 'n', 'e', ' '};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int MASKED = 0x80;

    private final String host;
    private final String path;
    private final String key;
    private boolean upgraded;
    private final byte[] payload = new byte[125];

    WebSocketWire(String host, int port, String path) {
        this.host = host + ":" + port;
        this.path = path;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    @Override
    public void open(ByteBuffer out) {
        out.put(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void request(long n, ByteBuffer out) {
        ByteBuffer text = ByteBuffer.wrap(payload);
        text.put(LINE);
        Wire.putDecimal(text, n);
        putFrame(out, TEXT, payload, text.position());
    }

    @Override
    public void close(ByteBuffer out) {
        byte[] normalClosure = {0x03, (byte) 0xE8}; // 1000
        putFrame(out, CLOSE, normalClosure, normalClosure.length);
    }

    /** A client frame: FIN, the opcode, the mask bit and a short length, a random mask, the masked payload. */
    private static void putFrame(ByteBuffer out, int opcode, byte[] data, int length) {
        int mask = ThreadLocalRandom.current().nextInt();
        out.put((byte) (FIN | opcode));
        out.put((byte) (MASKED | length));
        out.putInt(mask);
        for (int i = 0; i < length; i++) {
            out.put((byte) (data[i] ^ (mask >>> (8 * (3 - (i & 3))))));
        }
    }

    @Override
    public void decode(ByteBuffer in, ByteBuffer out, Messages messages) throws IOException {
        if (!upgraded && !upgrade(in)) {
            return;
        }
        byte[] bytes = in.array();
        while (in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get(start) & 0xff;
            int b1 = in.get(start + 1) & 0xff;
            if ((b1 & MASKED) != 0) {
                throw new IOException("server sent a masked frame");
            }
            int header = 2;
            long length = b1 & 0x7f;
            if (length == 126) {
                header = 4;
                if (in.remaining() < header) {
                    return;
                }
                length = in.getShort(start + 2) & 0xffff;
            } else if (length == 127) {
                header = 10;
                if (in.remaining() < header) {
                    return;
                }
                length = in.getLong(start + 2);
            }
            if (length > in.capacity()) {
                throw new IOException("server frame of " + length + " bytes is larger than the client's buffer");
            }
            if (in.remaining() < header + length) {
                return;
            }
            int offset = in.arrayOffset() + start + header;
            int size = (int) length;
            in.position(start + header + size);
            int opcode = b0 & 0x0f;
            if ((b0 & FIN) == 0) {
                throw new IOException("server sent a fragmented message (opcode " + opcode + ")");
            }
            switch (opcode) {
                case TEXT -> messages.message(bytes, offset, size);
                case PING -> putFrame(out, PONG, Arrays.copyOfRange(bytes, offset, offset + size), size);
                case PONG -> {
                    // unsolicited pong: ignored, as RFC 6455 allows
                }
                case CLOSE -> throw new IOException("server closed the websocket"
                        + (size >= 2 ? " with code " + (((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff)) : ""));
                default -> throw new IOException("server sent frame opcode " + opcode);
            }
        }
    }

    /** Consumes the upgrade answer once it is complete; false while it is not. */
    private boolean upgrade(ByteBuffer in) throws IOException {
        int end = indexOf(in, HEADER_END);
        if (end < 0) {
            return false;
        }
        String head = new String(in.array(), in.arrayOffset() + in.position(), end - in.position(),
                StandardCharsets.ISO_8859_1);
        in.position(end + HEADER_END.length);
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + lines[0]);
        }
        String accept = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                accept = line.substring(colon + 1).trim();
            }
        }
        if (!expectedAccept().equals(accept)) {
            throw new IOException("wrong Sec-WebSocket-Accept: " + accept);
        }
        upgraded = true;
        return true;
    }

    private String expectedAccept() {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    private static int indexOf(ByteBuffer in, byte[] pattern) {
        for (int i = in.position(); i + pattern.length <= in.limit(); i++) {
            int j = 0;
            while (j < pattern.length && in.get(i + j) == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }
}
