package io.chuk.protocol.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How one client connection puts requests on the wire and takes messages off it. One instance per
 * connection (it may keep protocol state), used only by that connection's client thread.
 */
interface Wire {

    /** Receives each whole message the server sent ("ready", then the answers), without its framing. */
    @FunctionalInterface
    interface Messages {
        void message(byte[] bytes, int offset, int length) throws IOException;
    }

    /** What the connection sends before anything else (a WebSocket upgrade request); nothing by default. */
    default void open(ByteBuffer out) {
    }

    /** Appends request {@code n}, the text {@code line n}, to {@code out} (at least 64 bytes free). */
    void request(long n, ByteBuffer out);

    /**
     * Consumes the complete messages between {@code in}'s position and limit, passing each to
     * {@code messages}, and leaves an incomplete one in place (position at its start). Replies the
     * protocol itself requires (a WebSocket pong) go to {@code out}.
     */
    void decode(ByteBuffer in, ByteBuffer out, Messages messages) throws IOException;

    /** What a polite client sends before it closes (a WebSocket close frame); nothing by default. */
    default void close(ByteBuffer out) {
    }

    /** Writes {@code n >= 0} in decimal at {@code out}'s position. */
    static void putDecimal(ByteBuffer out, long n) {
        if (n >= 10) {
            putDecimal(out, n / 10);
        }
        out.put((byte) ('0' + n % 10));
    }
}
