package io.chuk.protocol.websocket;

import java.nio.ByteBuffer;

/** How a session's output becomes WebSocket frames, whichever container adapter sends them. */
public final class WebSocketOutput {

    private WebSocketOutput() {
    }

    /** One binary frame's payload: a write batch of the telnet stream, so echoed keystrokes are coalesced. */
    public static ByteBuffer joined(ByteBuffer[] buffers) {
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        ByteBuffer frame = ByteBuffer.allocate(total);
        for (ByteBuffer buffer : buffers) {
            frame.put(buffer.duplicate());
        }
        return frame.flip();
    }
}
