package io.chuk.protocol.session;

import io.chuk.protocol.api.Transport;

import java.nio.charset.StandardCharsets;

/**
 * Turns what a handler sends into the bytes its transport carries: a line is one frame on
 * {@code websocket} and text plus CR LF elsewhere, telnet transports escape IAC and mark prompts
 * with GA where the client wants it, and the monitor's taps see the text as the client will.
 */
final class OutputEncoder {

    private static final byte[] NOTHING = new byte[0];

    private final boolean messageFramed;
    private final TelnetStream telnet;
    private final SessionTaps taps;

    OutputEncoder(Transport transport, TelnetStream telnet, SessionTaps taps) {
        this.messageFramed = transport == Transport.WEBSOCKET;
        this.telnet = telnet;
        this.taps = taps;
    }

    byte[] line(String line) {
        if (!taps.isEmpty()) {
            taps.output(messageFramed ? line : line + "\r\n");
        }
        if (messageFramed) {
            return line.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = withLineEnd(line);
        return telnet != null ? telnet.encode(bytes) : bytes;
    }

    /**
     * The line's UTF-8 followed by CR LF, in one array. A line of ASCII, the usual one (it is sent
     * per message), is copied straight into it, with no array of the text alone made on the way.
     */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each char's low byte: exact for ASCII
    private static byte[] withLineEnd(String line) {
        int length = line.length();
        for (int i = 0; i < length; i++) {
            if (line.charAt(i) >= 0x80) {
                return (line + "\r\n").getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] bytes = new byte[length + 2];
        line.getBytes(0, length, bytes, 0);
        bytes[length] = '\r';
        bytes[length + 1] = '\n';
        return bytes;
    }

    /** Raw bytes, escaped for telnet; empty input gives an empty array. */
    byte[] raw(byte[] data) {
        taps.output(data);
        if (data.length == 0) {
            return NOTHING;
        }
        byte[] copy = data.clone(); // the handler may reuse its array once this returns
        return telnet != null ? telnet.encode(copy) : copy;
    }

    /** A prompt, or an empty array where prompts are not sent (a frame is a line on {@code websocket}). */
    byte[] prompt(String prompt) {
        if (messageFramed) {
            return NOTHING;
        }
        if (!taps.isEmpty()) {
            taps.output(prompt);
        }
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        return telnet != null ? telnet.encodePrompt(bytes) : bytes;
    }
}
