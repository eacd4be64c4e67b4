package io.chuk.protocol.compression;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** The JDK's zlib as the client side of a stream, for tests. */
public final class Zlib {

    private Zlib() {
    }

    /** {@code data} as a complete zlib stream. */
    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** {@code data} sync-flushed into a stream that is not finished. */
    public static byte[] deflateUnfinished(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** What a client's inflater makes of {@code stream} so far, and whether the stream ended. */
    public record Inflated(byte[] data, boolean ended, int remaining) {
    }

    public static Inflated inflate(byte[] stream, int off, int len) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stream, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                if (inflater.finished() || (n == 0 && inflater.needsInput())) {
                    return new Inflated(out.toByteArray(), inflater.finished(), inflater.getRemaining());
                }
            }
        } catch (DataFormatException e) {
            throw new AssertionError("not a valid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
