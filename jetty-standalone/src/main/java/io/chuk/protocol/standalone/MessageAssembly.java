package io.chuk.protocol.standalone;

import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.exception.ProtocolException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Whole messages from one WebSocket's data frames, checked as the Jakarta layer checks them: a
 * message over the size limit fails with {@link MessageTooLargeException} (Jetty closes with
 * 1009), text that is not UTF-8 with {@link BadPayloadException} (1007), and a continuation with
 * no message begun, or a new message before the last one ended, with {@link ProtocolException}
 * (1002). A whole text frame of ASCII, the common case, is decoded without a decoder. Frames'
 * payloads are copied out, so a frame's buffer can go back to Jetty as soon as {@link #add}
 * returns. Not thread-safe: Jetty hands one frame at a time.
 */
final class MessageAssembly {

    /** Where whole messages go. */
    interface Messages {
        void text(String message);

        void binary(ByteBuffer message);
    }

    private static final byte NONE = -1;

    private final long maxSize;
    private byte opCode = NONE;
    private long size;
    private Utf8StringBuilder text;
    private ByteArrayOutputStream binary;

    /** @param maxSize the largest message in bytes; 0 or less for no limit */
    MessageAssembly(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Adds a text, binary or continuation frame; a message it completes goes to {@code messages}. */
    void add(Frame frame, Messages messages) throws MessageTooLargeException, BadPayloadException, ProtocolException {
        byte frameOpCode = frame.getOpCode();
        if (frameOpCode == OpCode.CONTINUATION) {
            if (opCode == NONE) {
                throw new ProtocolException("Continuation frame without a message begun");
            }
        } else if (opCode != NONE) {
            throw new ProtocolException("New message before the previous one ended");
        } else if (frameOpCode != OpCode.TEXT && frameOpCode != OpCode.BINARY) {
            throw new IllegalArgumentException("not a data frame: " + OpCode.name(frameOpCode));
        } else if (frame.isFin()) {
            whole(frame, messages);
            return;
        } else {
            opCode = frameOpCode;
            size = 0;
        }
        grow(frame.getPayloadLength());
        ByteBuffer payload = frame.getPayload();
        if (opCode == OpCode.TEXT) {
            if (text == null) {
                text = new Utf8StringBuilder();
            }
            if (payload != null) {
                text.append(payload.slice());
            }
        } else {
            if (binary == null) {
                binary = new ByteArrayOutputStream();
            }
            if (payload != null) {
                byte[] bytes = new byte[payload.remaining()];
                payload.get(payload.position(), bytes);
                binary.writeBytes(bytes);
            }
        }
        if (frame.isFin()) {
            byte done = opCode;
            opCode = NONE;
            if (done == OpCode.TEXT) {
                Utf8StringBuilder message = text;
                text = null;
                messages.text(message.takeCompleteString(() -> new BadPayloadException("Invalid UTF-8")));
            } else {
                ByteArrayOutputStream message = binary;
                binary = null;
                messages.binary(ByteBuffer.wrap(message.toByteArray()));
            }
        }
    }

    /** A message in one frame. */
    private void whole(Frame frame, Messages messages) throws MessageTooLargeException, BadPayloadException {
        size = 0;
        grow(frame.getPayloadLength());
        byte[] bytes = new byte[frame.getPayloadLength()];
        if (bytes.length > 0) {
            ByteBuffer payload = frame.getPayload();
            payload.get(payload.position(), bytes);
        }
        if (frame.getOpCode() == OpCode.BINARY) {
            messages.binary(ByteBuffer.wrap(bytes));
            return;
        }
        int anyHighBit = 0;
        for (byte b : bytes) {
            anyHighBit |= b;
        }
        if (anyHighBit >= 0) {
            messages.text(new String(bytes, StandardCharsets.ISO_8859_1)); // all ASCII: nothing to check
            return;
        }
        Utf8StringBuilder utf8 = new Utf8StringBuilder(bytes.length);
        utf8.append(bytes, 0, bytes.length);
        messages.text(utf8.takeCompleteString(() -> new BadPayloadException("Invalid UTF-8")));
    }

    private void grow(int bytes) throws MessageTooLargeException {
        size += bytes;
        if (maxSize > 0 && size > maxSize) {
            opCode = NONE;
            text = null;
            binary = null;
            throw new MessageTooLargeException("Message too large: " + size + " > " + maxSize);
        }
    }
}
