package io.chuk.protocol.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Lines: {@code line n} plus an end of line out; lines ending in LF or CR LF in. */
final class LineWire implements Wire {

    private static final byte[] LINE = {'l', 'i', 'n', 'e', ' '};

    private final byte[] endOfLine;

    /** @param endOfLine what ends each request line ({@code "\n"} like nc, {@code "\r\n"} like telnet) */
    LineWire(byte[] endOfLine) {
        this.endOfLine = endOfLine.clone();
    }

    @Override
    public void request(long n, ByteBuffer out) {
        out.put(LINE);
        Wire.putDecimal(out, n);
        out.put(endOfLine);
    }

    @Override
    public void decode(ByteBuffer in, ByteBuffer out, Messages messages) throws IOException {
        byte[] bytes = in.array();
        int start = in.arrayOffset() + in.position();
        int limit = in.arrayOffset() + in.limit();
        for (int i = start; i < limit; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                messages.message(bytes, start, end - start);
                start = i + 1;
            }
        }
        in.position(start - in.arrayOffset());
    }
}
