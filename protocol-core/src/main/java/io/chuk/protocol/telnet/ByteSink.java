package io.chuk.protocol.telnet;

import java.io.ByteArrayOutputStream;

/**
 * A {@link ByteArrayOutputStream} that can be checked and emptied without taking its lock. The
 * telnet layer asks "anything collected?" on every read, and its buffers are only ever used under
 * the lock of the session's telnet stream, so the stream's own lock per call bought nothing but
 * a monitor entry on an object that is cold at a thousand sessions.
 */
public final class ByteSink extends ByteArrayOutputStream {

    public ByteSink(int initialCapacity) {
        super(initialCapacity);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public void reset() {
        count = 0;
    }
}
