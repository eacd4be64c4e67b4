package io.chuk.protocol.standalone;

import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.websocket.DirectWebSocket;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A session's {@link DirectWebSocket} on Jetty's core WebSocket session, and the shortcut for
 * whole text frames coming in. The Jakarta layer turns each message into a {@code String} through
 * a builder sized for the input buffer, dispatches it by reflection, and encodes each outgoing
 * {@code String} again; here the session's UTF-8 bytes are framed as they are, and a whole text
 * frame is checked (size, UTF-8) as the Jakarta layer checks it and decoded once.
 */
final class CoreFrames implements DirectWebSocket {

    private final CoreSession core;
    private final Consumer<Boolean> pause;

    CoreFrames(CoreSession core, Consumer<Boolean> pause) {
        this.core = core;
        this.pause = pause;
    }

    @Override
    public void setInputPaused(boolean paused) {
        pause.accept(paused);
    }

    @Override
    public void send(boolean text, ByteBuffer[] payloads, SessionChannel.WriteCallback done) {
        if (payloads.length == 0) {
            done.succeeded();
            return;
        }
        byte opCode = text ? OpCode.TEXT : OpCode.BINARY;
        Batch batch = new Batch(payloads.length, done);
        for (int i = 0; i < payloads.length; i++) {
            boolean more = i < payloads.length - 1; // batched frames are written with the last one
            core.sendFrame(new Frame(opCode, payloads[i].slice()), batch, more);
        }
    }

    /**
     * Hands the text of a whole text frame to {@code input}, then asks Jetty for the next frame.
     * A failure completes {@code callback} with it, and Jetty closes the connection, as after the
     * Jakarta layer's own checks: 1009 when the text is over the session's text message size,
     * 1007 when it is not UTF-8, 1011 when {@code input} threw.
     */
    void deliverText(Frame frame, Callback callback, Consumer<String> input) {
        try {
            input.accept(textOf(frame));
        } catch (Throwable failure) {
            callback.failed(failure);
            return;
        }
        callback.succeeded();
        core.demand();
    }

    private String textOf(Frame frame) throws MessageTooLargeException, BadPayloadException {
        int length = frame.getPayloadLength();
        long max = core.getMaxTextMessageSize();
        if (max > 0 && length > max) {
            throw new MessageTooLargeException("Text message too large: " + length + " > " + max);
        }
        byte[] bytes = new byte[length];
        if (length > 0) {
            ByteBuffer payload = frame.getPayload();
            payload.get(payload.position(), bytes);
        }
        int anyHighBit = 0;
        for (byte b : bytes) {
            anyHighBit |= b;
        }
        if (anyHighBit >= 0) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // all ASCII: nothing to check
        }
        Utf8StringBuilder utf8 = new Utf8StringBuilder(length);
        utf8.append(bytes, 0, length);
        return utf8.takeCompleteString(() -> new BadPayloadException("Invalid UTF-8"));
    }

    /** Completes a batch's callback once every frame of it has been written, or failed. */
    private static final class Batch extends AtomicInteger implements Callback {
        private final SessionChannel.WriteCallback done;
        private volatile Throwable failure;

        Batch(int frames, SessionChannel.WriteCallback done) {
            super(frames);
            this.done = done;
        }

        @Override
        public void succeeded() {
            frameDone();
        }

        @Override
        public void failed(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            frameDone();
        }

        private void frameDone() {
            if (decrementAndGet() != 0) {
                return;
            }
            Throwable cause = failure;
            if (cause == null) {
                done.succeeded();
            } else {
                done.failed(cause);
            }
        }
    }
}
