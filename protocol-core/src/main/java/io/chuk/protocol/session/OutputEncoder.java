package io.chuk.protocol.session;

import io.chuk.protocol.api.Transport;

import java.nio.charset.StandardCharsets;

/**
 * Turns what a handler sends into the bytes its transport carries: a line is one frame on
 * {@code websocket} and text plus CR LF elsewhere, telnet transports escape IAC and mark prompts
 * with GA where the client wants it, and the monitor's taps see the text as the client will.
 */
final class OutputEncoder {

    private static final byte[] CRLF = {'\r', '\n'};
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
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        if (messageFramed) {
            return text;
        }
        byte[] bytes = new byte[text.length + 2];
        System.arraycopy(text, 0, bytes, 0, text.length);
        System.arraycopy(CRLF, 0, bytes, text.length, 2);
        return telnet != null ? telnet.encode(bytes) : bytes;
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
