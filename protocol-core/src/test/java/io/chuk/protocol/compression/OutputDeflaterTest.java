package io.chuk.protocol.compression;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputDeflaterTest {

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachFlushIsDecodableAtOnceByAStreamingInflater() throws Exception {
        OutputDeflater deflater = new OutputDeflater();
        Inflater client = new Inflater();
        try {
            for (int i = 0; i < 50; i++) {
                String line = "Echo: line " + i + "\r\n";
                deflater.add(text(line));
                client.setInput(deflater.flush());
                byte[] buffer = new byte[256];
                int n = client.inflate(buffer);
                assertEquals(line, new String(buffer, 0, n, StandardCharsets.UTF_8), "batch " + i + " alone");
                assertTrue(client.needsInput(), "nothing held back");
            }
            assertFalse(client.finished());
        } finally {
            client.end();
            deflater.end();
        }
    }

    @Test
    void finishEndsTheStreamAndTheNextAddStartsANewOne() {
        OutputDeflater deflater = new OutputDeflater();
        try {
            deflater.add(text("first"));
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            first.writeBytes(deflater.flush());
            first.writeBytes(deflater.finish());
            Zlib.Inflated one = Zlib.inflate(first.toByteArray(), 0, first.size());
            assertTrue(one.ended(), "Z_STREAM_END");
            assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), one.data());
            assertEquals(0, one.remaining(), "nothing after the end");

            deflater.add(text("second"));
            byte[] second = deflater.finish();
            Zlib.Inflated two = Zlib.inflate(second, 0, second.length);
            assertTrue(two.ended());
            assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), two.data());
        } finally {
            deflater.end();
        }
    }

    @Test
    void aFlushWithNothingAddedIsEmptyAndLargeInputRoundTrips() {
        OutputDeflater deflater = new OutputDeflater();
        try {
            assertEquals(0, deflater.flush().length);
            byte[] big = new byte[300_000];
            new java.util.Random(7).nextBytes(big); // incompressible: output larger than one scratch buffer
            deflater.add(ByteBuffer.wrap(big));
            byte[] out = deflater.flush();
            assertArrayEquals(big, Zlib.inflate(out, 0, out.length).data());
        } finally {
            deflater.end();
        }
    }
}
