package io.chuk.protocol.session;

import io.chuk.protocol.compression.Zlib;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MCCP2 where output is batched: compression starts and ends exactly at its switch, whatever the batches. */
class OutputQueueCompressionTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] join(ByteBuffer[] batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer buffer : batch) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void theSwitchAndTheOutputAfterItInOneBatch() {
        OutputQueue output = new OutputQueue();
        output.add(ascii("plain"));
        output.add(new byte[] {(byte) 255, (byte) 250, 86, (byte) 255, (byte) 240});
        output.compressFromHere(true);
        output.add(ascii("Echo: hello\r\n"));
        byte[] wire = join(output.startBatch());
        assertArrayEquals(ascii("plain"), java.util.Arrays.copyOf(wire, 5));
        assertEquals(5, Zlib.indexOf(wire, new byte[] {(byte) 255, (byte) 250, 86, (byte) 255, (byte) 240}));
        Zlib.Inflated inflated = Zlib.inflate(wire, 10, wire.length - 10);
        assertArrayEquals(ascii("Echo: hello\r\n"), inflated.data(), "sync-flushed: all of it at once");
        assertFalse(inflated.ended());
        assertEquals(5 + 5 + 13, output.bytes(), "sizes count output before compression");
        output.batchWritten();
        assertEquals(0, output.bytes());
        output.clear();
    }

    @Test
    void aStreamSpanningBatchesEndsWhereCompressionStopsAndPlainOutputFollows() {
        OutputQueue output = new OutputQueue();
        output.compressFromHere(true);
        output.add(ascii("one\r\n"));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(join(output.startBatch()));
        output.add(ascii("two\r\n"));
        output.compressFromHere(false);
        output.compressFromHere(false); // the same state again changes nothing
        output.add(ascii("after"));
        byte[] second = join(output.batchWritten());
        stream.writeBytes(second);
        byte[] wire = stream.toByteArray();
        Zlib.Inflated inflated = Zlib.inflate(wire, 0, wire.length);
        assertTrue(inflated.ended(), "finish: Z_STREAM_END");
        assertArrayEquals(ascii("one\r\ntwo\r\n"), inflated.data());
        assertEquals(5, inflated.remaining());
        assertArrayEquals(ascii("after"), java.util.Arrays.copyOfRange(wire, wire.length - 5, wire.length));
        assertTrue(output.batchWritten() == null && output.isIdle());
        output.clear();
    }

    @Test
    void afterClearNothingIsCompressedAgain() {
        OutputQueue output = new OutputQueue();
        output.compressFromHere(true);
        output.add(ascii("x"));
        output.startBatch();
        output.clear();
        output.compressFromHere(true);
        assertEquals(0, output.size(), "a cleared queue takes no switch (its deflater is ended)");
    }
}
