package io.chuk.protocol.compression;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * The server side of one MCCP2 stream: output goes in, a zlib stream comes out. Each
 * {@link #flush()} ends with a sync flush, so the client can decode everything handed in so far
 * without waiting for more (interactive output must not sit in the compressor).
 *
 * <p>Memory: the JDK's zlib uses a 32 KiB window and memory level 8, about 256 KiB of native
 * memory per stream, and this class keeps a 4 KiB scratch buffer; {@link #end()} frees the
 * native part at once instead of whenever the garbage collector runs the Deflater's cleaner.
 * Not thread-safe.
 */
public final class OutputDeflater {

    /** zlib's default level; the memory a stream takes does not depend on it (window and memory level do). */
    static final int LEVEL = 6;
    private static final int SCRATCH = 4096;

    private final Deflater deflater = new Deflater(LEVEL);
    private final byte[] scratch = new byte[SCRATCH];
    /** Output of the batch being compressed; dropped after it so an idle session holds no output buffer. */
    private ByteArrayOutputStream out;
    private boolean fed;

    /** Compresses {@code data} (consuming it); the output waits for {@link #flush()} or {@link #finish()}. */
    public void add(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        fed = true;
        deflater.setInput(data);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH);
        }
    }

    /** Everything compressed since the last call, sync-flushed: decodable at once. Empty when nothing was added. */
    public byte[] flush() {
        if (!fed) {
            return new byte[0];
        }
        fed = false;
        while (drain(Deflater.SYNC_FLUSH) == SCRATCH) {
            // a full scratch buffer means zlib may have more
        }
        return take();
    }

    /** The end of the stream (zlib's final block and checksum); the next {@link #add} starts a new stream. */
    public byte[] finish() {
        fed = false;
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH);
        }
        deflater.reset();
        return take();
    }

    /** Frees the native memory; the deflater must not be used afterwards. */
    public void end() {
        deflater.end();
    }

    private int drain(int mode) {
        int n = deflater.deflate(scratch, 0, SCRATCH, mode);
        if (n > 0) {
            if (out == null) {
                out = new ByteArrayOutputStream(Math.max(64, n));
            }
            out.write(scratch, 0, n);
        }
        return n;
    }

    private byte[] take() {
        byte[] bytes = out == null ? new byte[0] : out.toByteArray();
        out = null;
        return bytes;
    }
}
