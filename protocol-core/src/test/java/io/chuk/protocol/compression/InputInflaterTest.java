package io.chuk.protocol.compression;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputInflaterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final InputInflater inflater = new InputInflater(now::get);

    @Test
    void aStreamThatEndsLeavesTheBytesAfterItAsPlainInput() throws Exception {
        byte[] stream = Zlib.deflate("look\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] read = Arrays.copyOf(stream, stream.length + 4);
        System.arraycopy("abc\n".getBytes(StandardCharsets.US_ASCII), 0, read, stream.length, 4);
        InputInflater.Result result = inflater.inflate(read, 0, read.length);
        assertTrue(result.ended());
        assertEquals(stream.length, result.consumed());
        assertArrayEquals("look\r\n".getBytes(StandardCharsets.UTF_8), result.inflated());
    }

    @Test
    void anUnfinishedStreamGivesWhatWasFlushedReadByRead() throws Exception {
        byte[] stream = Zlib.deflateUnfinished("north\r\nsouth\r\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (byte b : stream) {
            InputInflater.Result result = inflater.inflate(new byte[] {b}, 0, 1);
            assertFalse(result.ended());
            assertEquals(1, result.consumed());
            seen.append(new String(result.inflated(), StandardCharsets.UTF_8));
        }
        assertEquals("north\r\nsouth\r\n", seen.toString());
    }

    @Test
    void aBombIsStoppedAtTheBoundOfOneRead() {
        byte[] bomb = Zlib.deflate(new byte[16 * 1024 * 1024]); // about 16 KiB expanding to 16 MiB
        assertTrue(bomb.length < 64 * 1024, "a small read: " + bomb.length);
        CompressedInputException e = assertThrows(CompressedInputException.class,
                () -> inflater.inflate(bomb, 0, bomb.length));
        assertEquals("Compressed input expands too far; closing.", e.clientMessage());
        assertTrue(e.getMessage().contains("per read"), e.getMessage());
    }

    @Test
    void theRateBudgetRefillsWithTime() throws Exception {
        byte[] mebibyte = Zlib.deflate(new byte[InputInflater.MAX_PER_READ]);
        long reads = InputInflater.BURST / InputInflater.MAX_PER_READ;
        for (int i = 0; i < reads; i++) {
            assertEquals(InputInflater.MAX_PER_READ, inflater.inflate(mebibyte, 0, mebibyte.length).inflated().length);
        }
        CompressedInputException e = assertThrows(CompressedInputException.class,
                () -> inflater.inflate(mebibyte, 0, mebibyte.length));
        assertTrue(e.getMessage().contains("rate budget"), e.getMessage());
    }

    @Test
    void theBudgetComesBackAtTheRate() throws Exception {
        byte[] mebibyte = Zlib.deflate(new byte[InputInflater.MAX_PER_READ]);
        for (int i = 0; i < InputInflater.BURST / InputInflater.MAX_PER_READ; i++) {
            inflater.inflate(mebibyte, 0, mebibyte.length);
        }
        now.addAndGet(1_000_000_000L); // one second: one more mebibyte
        assertEquals(InputInflater.MAX_PER_READ, inflater.inflate(mebibyte, 0, mebibyte.length).inflated().length);
        assertThrows(CompressedInputException.class, () -> inflater.inflate(mebibyte, 0, mebibyte.length));
    }

    @Test
    void garbageIsACorruptStream() {
        byte[] garbage = "this is not zlib".getBytes(StandardCharsets.US_ASCII);
        CompressedInputException e = assertThrows(CompressedInputException.class,
                () -> inflater.inflate(garbage, 0, garbage.length));
        assertEquals("Compressed input is corrupt; closing.", e.clientMessage());
    }
}
