package io.chuk.protocol.line;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of line assembly over arbitrary input, biased toward line endings, erasers and
 * UTF-8 lead bytes. The run length is jqwik's {@code jqwik.tries.default} (see the README).
 */
class LineAssemblerPropertiesTest {

    private static final int LIMIT = 64;

    @Property
    void chunkingNeverChangesTheResult(@ForAll("streams") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        assertEquals(assemble(input, input.length), assemble(input, chunk));
    }

    @Property
    void linesNeverHoldTerminatorsOrExceedTheLimitAndTheBufferStaysBounded(@ForAll("streams") byte[] input) {
        LineAssembler assembler = new LineAssembler(LIMIT);
        List<String> lines = new ArrayList<>();
        assembler.feed(input, new LineAssembler.Listener() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void lineTooLong(int limit) {
                lines.add("<too long>");
            }
        });
        assertTrue(assembler.bufferedBytes() <= LIMIT);
        for (String line : lines) {
            assertFalse(line.contains("\r") || line.contains("\n"), line);
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= LIMIT * 3, line);
        }
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0, (byte) 0x08, (byte) 0x7F,
                (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 'a', (byte) ' ');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(400)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }

    private static List<String> assemble(byte[] input, int chunk) {
        LineAssembler assembler = new LineAssembler(LIMIT);
        List<String> events = new ArrayList<>();
        LineAssembler.Listener listener = new LineAssembler.Listener() {
            @Override
            public void line(String line) {
                events.add("L:" + line);
            }

            @Override
            public void lineTooLong(int limit) {
                events.add("TOO_LONG");
            }
        };
        for (int at = 0; at < input.length; at += chunk) {
            assembler.feed(input, at, Math.min(chunk, input.length - at), listener);
        }
        assembler.finish(listener);
        return events;
    }
}
