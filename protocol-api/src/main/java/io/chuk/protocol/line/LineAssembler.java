package io.chuk.protocol.line;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines, as typed by people and scripts on any terminal.
 *
 * <p>CR LF, CR NUL, bare CR and bare LF each end exactly one line, also when the pair is split
 * across reads. Backspace (0x08) and DEL (0x7F) remove the previous character (a whole UTF-8
 * sequence), Ctrl-U (0x15, also telnet's Erase Line) the whole line. A line longer than the limit is not kept: the rest of it is discarded and the
 * listener hears {@link Listener#lineTooLong(int)} once, so memory stays bounded whatever the
 * client sends. Lines are decoded as UTF-8; malformed bytes become U+FFFD.
 *
 * <p>Pure code: no I/O, not thread-safe (a session feeds it from one thread at a time).
 */
public final class LineAssembler {

    /** Receives the results of {@link #feed}. */
    public interface Listener {
        /** A complete line, without its terminator. */
        void line(String line);

        /** A line exceeded {@code limit} bytes and was discarded. */
        void lineTooLong(int limit);
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte NUL = 0;
    private static final byte BS = 0x08;
    private static final byte DEL = 0x7F;
    private static final byte ERASE_LINE = 0x15;

    private final int maxLineBytes;
    /** The partial line; made when one is left over from a read, as most lines arrive whole. */
    private byte[] buffer;
    private int length;
    private boolean afterCr;
    private boolean overflowed;

    /** @param maxLineBytes the longest line kept, in bytes (at least 1) */
    public LineAssembler(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Bytes as they arrived; every completed line (or refusal of a too-long one) goes to {@code listener}. */
    public void feed(byte[] data, Listener listener) {
        feed(data, 0, data.length, listener);
    }

    /** {@link #feed(byte[], Listener)} of a slice. */
    public void feed(byte[] data, int offset, int count, Listener listener) {
        int end = offset + count;
        int i = offset;
        while (i < end) {
            byte b = data[i];
            if (afterCr) {
                afterCr = false;
                if (b == LF || b == NUL) {
                    i++;
                    continue;
                }
            }
            if (length == 0 && !overflowed) {
                // A whole plain line in this read is decoded where it lies: no copy, no buffer.
                int terminator = plainLineEnd(data, i, end);
                if (terminator >= 0) {
                    String line = new String(data, i, terminator - i, StandardCharsets.UTF_8);
                    afterCr = data[terminator] == CR;
                    i = terminator + 1;
                    listener.line(line);
                    continue;
                }
            }
            i++;
            switch (b) {
                case CR -> {
                    afterCr = true;
                    endLine(listener);
                }
                case LF -> endLine(listener);
                case BS, DEL -> eraseLastCharacter();
                case ERASE_LINE -> {
                    if (!overflowed) {
                        length = 0;
                    }
                }
                case NUL -> { /* keepalive some clients send; carries no input */ }
                default -> append(b);
            }
        }
    }

    /**
     * The index of the CR or LF that ends a line of at most the limit starting at {@code from},
     * with no editing or NUL byte in it; -1 when there is none before {@code end}.
     */
    private int plainLineEnd(byte[] data, int from, int end) {
        int last = (int) Math.min(end, (long) from + maxLineBytes + 1);
        for (int j = from; j < last; j++) {
            switch (data[j]) {
                case CR, LF -> {
                    return j;
                }
                case BS, DEL, ERASE_LINE, NUL -> {
                    return -1;
                }
                default -> { }
            }
        }
        return -1;
    }

    /** The end of input: a partial line still counts as a line. */
    public void finish(Listener listener) {
        if (length > 0 || overflowed) {
            endLine(listener);
        }
    }

    /** Whether a partial line is buffered. */
    public boolean hasPartialLine() {
        return length > 0 || overflowed;
    }

    /** Bytes held for the partial line (bounded by the limit); for tests and metrics. */
    public int bufferedBytes() {
        return length;
    }

    private void append(byte b) {
        if (overflowed) {
            return;
        }
        if (length == maxLineBytes) {
            overflowed = true;
            length = 0;
            shrink();
            return;
        }
        if (buffer == null) {
            buffer = new byte[Math.min(maxLineBytes, 64)];
        } else if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
        }
        buffer[length++] = b;
    }

    private void eraseLastCharacter() {
        if (overflowed) {
            return;
        }
        // Step back over UTF-8 continuation bytes so one erase removes one character.
        while (length > 0 && (buffer[length - 1] & 0xC0) == 0x80) {
            length--;
        }
        if (length > 0) {
            length--;
        }
    }

    private void endLine(Listener listener) {
        if (overflowed) {
            overflowed = false;
            listener.lineTooLong(maxLineBytes);
            return;
        }
        String line = length == 0 ? "" : new String(buffer, 0, length, StandardCharsets.UTF_8);
        length = 0;
        shrink();
        listener.line(line);
    }

    private void shrink() {
        // A single long line must not pin a large buffer for the rest of the session.
        if (buffer != null && buffer.length > 1024) {
            buffer = null;
        }
    }
}
