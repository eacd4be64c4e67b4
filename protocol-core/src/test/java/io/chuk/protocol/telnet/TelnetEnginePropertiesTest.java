package io.chuk.protocol.telnet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the telnet engine over streams biased toward IAC, commands and option bytes. */
class TelnetEnginePropertiesTest {

    @Property
    void chunkingNeverChangesDataOrReplies(@ForAll("streams") byte[] input, @ForAll @IntRange(min = 1, max = 9) int chunk) {
        byte[][] whole = run(input, input.length);
        byte[][] pieces = run(input, chunk);
        assertArrayEquals(whole[0], pieces[0], "data");
        assertArrayEquals(whole[1], pieces[1], "replies");
    }

    @Property
    void escapedDataComesBackUnchanged(@ForAll byte[] data) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        TelnetEngine engine = new TelnetEngine(new TelnetListener() {
            @Override
            public void onData(byte[] bytes, int off, int len) {
                received.write(bytes, off, len);
            }

            @Override
            public void onSend(byte[] bytes) {
            }
        });
        byte[] encoded = engine.encode(data);
        engine.receive(encoded);
        assertArrayEquals(data, received.toByteArray());
        assertTrue(engine.subnegotiationAllocated() <= TelnetSettings.DEFAULT_MAX_SUBNEGOTIATION_LENGTH);
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> telnet = Arbitraries.of((byte) 255, (byte) 250, (byte) 240, (byte) 251, (byte) 252,
                (byte) 253, (byte) 254, (byte) 246, (byte) 244, (byte) 1, (byte) 3, (byte) 24, (byte) 31, (byte) 39,
                (byte) 42, (byte) 0, (byte) '\r', (byte) '\n');
        return Arbitraries.frequencyOf(Tuple.of(3, telnet), Tuple.of(1, Arbitraries.bytes()))
                .list().ofMaxSize(300)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
    }

    private static byte[][] run(byte[] input, int chunk) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        TelnetEngine engine = new TelnetEngine(new TelnetListener() {
            @Override
            public void onData(byte[] bytes, int off, int len) {
                data.write(bytes, off, len);
            }

            @Override
            public void onSend(byte[] bytes) {
                replies.writeBytes(bytes);
            }
        });
        replies.writeBytes(engine.start());
        for (int at = 0; at < input.length; at += chunk) {
            engine.receive(Arrays.copyOfRange(input, at, Math.min(input.length, at + chunk)));
        }
        return new byte[][] {data.toByteArray(), replies.toByteArray()};
    }
}
