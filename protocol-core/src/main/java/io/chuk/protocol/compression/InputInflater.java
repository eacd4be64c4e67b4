package io.chuk.protocol.compression;

import java.io.ByteArrayOutputStream;
import java.util.function.LongSupplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The server side of one MCCP3 stream: the client's compressed bytes go in, what it typed comes
 * out. A few kilobytes of deflate can expand to gigabytes, so what comes out is bounded twice:
 * per read ({@link #MAX_PER_READ}, which also bounds the memory one read costs), and per session
 * over time by a budget of {@link #BURST} bytes refilled at {@link #RATE_PER_SECOND}. Input past
 * either bound fails the stream instead of being expanded further.
 *
 * <p>Memory: about 40 KiB of native zlib state (32 KiB window) and a 4 KiB scratch buffer;
 * {@link #end()} frees the native part. Not thread-safe.
 */
public final class InputInflater {

    public static final int MAX_PER_READ = 1024 * 1024;
    public static final long BURST = 4L * 1024 * 1024;
    public static final long RATE_PER_SECOND = 1024 * 1024;
    private static final int SCRATCH = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** What one read gave: the expanded bytes, how many input bytes were part of the stream, and whether it ended. */
    public record Result(byte[] inflated, int consumed, boolean ended) {
    }

    private final Inflater inflater = new Inflater();
    private final byte[] scratch = new byte[SCRATCH];
    private final LongSupplier nanoTime;
    private long budget = BURST;
    private long refilledAt;

    /** @param nanoTime the clock of the rate budget ({@code System::nanoTime} outside tests) */
    public InputInflater(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * Expands {@code len} bytes of the stream. When the stream ends inside them
     * ({@link Result#ended()}), the bytes after {@link Result#consumed()} are plain input again,
     * and the next call starts a new stream.
     */
    public Result inflate(byte[] in, int off, int len) throws CompressedInputException {
        refill();
        long allowed = Math.min(MAX_PER_READ, budget);
        inflater.setInput(in, off, len);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(SCRATCH, len * 4 + 16));
        while (true) {
            int n;
            try {
                n = inflater.inflate(scratch);
            } catch (DataFormatException e) {
                throw new CompressedInputException("corrupt MCCP3 stream: " + e.getMessage(),
                        "Compressed input is corrupt; closing.");
            }
            if (out.size() + (long) n > allowed) {
                throw new CompressedInputException("MCCP3 input expanded past " + allowed + " bytes ("
                        + (allowed == MAX_PER_READ ? "per read" : "rate budget") + ")",
                        "Compressed input expands too far; closing.");
            }
            out.write(scratch, 0, n);
            if (inflater.finished()) {
                int consumed = len - inflater.getRemaining();
                inflater.reset();
                return spent(out, consumed, true);
            }
            if (inflater.needsDictionary()) {
                throw new CompressedInputException("MCCP3 stream asks for a preset dictionary",
                        "Compressed input is corrupt; closing.");
            }
            if (n == 0 && inflater.needsInput()) {
                return spent(out, len, false);
            }
        }
    }

    /** Frees the native memory; the inflater must not be used afterwards. */
    public void end() {
        inflater.end();
    }

    private Result spent(ByteArrayOutputStream out, int consumed, boolean ended) {
        budget -= out.size();
        return new Result(out.toByteArray(), consumed, ended);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed <= 0) {
            return;
        }
        long earned = elapsed >= NANOS_PER_SECOND * (BURST / RATE_PER_SECOND + 1) ? BURST
                : elapsed * RATE_PER_SECOND / NANOS_PER_SECOND;
        if (earned > 0) {
            budget = Math.min(BURST, budget + earned);
            refilledAt = now;
        }
    }
}
