package io.chuk.protocol.telnet;

import io.chuk.protocol.api.TerminalInfo;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.SB;
import static io.chuk.protocol.telnet.T.SE;
import static io.chuk.protocol.telnet.T.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Seeded random streams (biased towards telnet's special bytes) and mutated valid streams, fed
 * in random chunk sizes. Bounded in count and in time.
 */
class TelnetFuzzTest {

    private static final int[] OPTIONS = {0, 1, 3, 5, 6, 24, 31, 32, 34, 36, 39, 42, 99, 255};
    private static final long TIME_LIMIT_NANOS = 2_000_000_000L;

    private static int biasedByte(Random random) {
        int pick = random.nextInt(10);
        if (pick < 3) {
            return 0xFF;
        }
        if (pick < 6) {
            return 0xF0 + random.nextInt(15);
        }
        if (pick < 8) {
            return OPTIONS[random.nextInt(OPTIONS.length)];
        }
        if (pick < 9) {
            return random.nextBoolean() ? '\r' : random.nextBoolean() ? 0 : '\n';
        }
        return random.nextInt(256);
    }

    private static byte[] randomStream(Random random) {
        byte[] s = new byte[random.nextInt(300)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) biasedByte(random);
        }
        return s;
    }

    /** Writes one random, well-formed piece of client traffic. */
    private static void validPiece(Random random, TelnetEngine encoder, ByteArrayOutputStream out,
                                   ByteArrayOutputStream payload, boolean allowBinary) {
        switch (random.nextInt(6)) {
            case 0: { // data
                byte[] data = new byte[random.nextInt(20)];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) (random.nextInt(4) == 0 ? biasedByte(random) : 'a' + random.nextInt(26));
                }
                out.writeBytes(encoder.encode(data));
                payload.writeBytes(data);
                break;
            }
            case 1: { // negotiation
                int option = OPTIONS[random.nextInt(OPTIONS.length)];
                if (option == 0 && !allowBinary) {
                    option = 99;
                }
                out.writeBytes(T.b(IAC, 251 + random.nextInt(4), option));
                break;
            }
            case 2: { // two-byte command
                out.writeBytes(T.b(IAC, 241 + random.nextInt(9)));
                break;
            }
            default: { // sub-negotiation with a plausible or random body
                int option = OPTIONS[random.nextInt(OPTIONS.length)];
                byte[] body;
                switch (random.nextInt(5)) {
                    case 0: body = T.b(0, "term-" + random.nextInt(20)); break;
                    case 1: body = T.b(random.nextInt(256), random.nextInt(256), random.nextInt(256),
                            random.nextInt(256)); break;
                    case 2: body = T.b(random.nextInt(3), 0, "USER", 1, "u" + random.nextInt(99), 3, "X",
                            2, random.nextInt(256)); break;
                    case 3: body = T.b(random.nextInt(5), ";UTF-8;" + random.nextInt(9)); break;
                    default:
                        body = new byte[random.nextInt(40)];
                        random.nextBytes(body);
                }
                out.write(IAC);
                out.write(SB);
                out.write(option);
                if (option == IAC) {
                    out.write(IAC); // like BSD telnetd, an IAC after SB is an escape: option 255 is doubled
                }
                for (byte x : body) {
                    out.write(x);
                    if ((x & 0xFF) == IAC) {
                        out.write(IAC);
                    }
                }
                out.write(IAC);
                out.write(SE);
                break;
            }
        }
    }

    private static byte[] mutate(Random random, byte[] s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s);
        byte[] m = out.toByteArray();
        int mutations = 1 + random.nextInt(5);
        for (int k = 0; k < mutations && m.length > 0; k++) {
            int at = random.nextInt(m.length);
            switch (random.nextInt(4)) {
                case 0:
                    m[at] = (byte) biasedByte(random);
                    break;
                case 1: {
                    byte[] n = new byte[m.length + 1];
                    System.arraycopy(m, 0, n, 0, at);
                    n[at] = (byte) biasedByte(random);
                    System.arraycopy(m, at, n, at + 1, m.length - at);
                    m = n;
                    break;
                }
                case 2: {
                    byte[] n = new byte[m.length - 1];
                    System.arraycopy(m, 0, n, 0, at);
                    System.arraycopy(m, at + 1, n, at, m.length - at - 1);
                    m = n;
                    break;
                }
                default:
                    m = java.util.Arrays.copyOf(m, at);
            }
        }
        return m;
    }

    private record Outcome(List<String> events, String sent, String info) {
    }

    /** Feeds the stream (after start()) in random chunks, checking invariants as it goes. */
    private static Outcome feed(byte[] stream, Random chunking, TelnetSettings settings) {
        Recorder r = new Recorder();
        TelnetEngine e = new TelnetEngine(settings, r);
        int cap = e.subnegotiationCapacity();
        assertEquals(settings.maxSubnegotiationLength(), cap);
        e.start();
        int at = 0;
        while (at < stream.length || at == 0) {
            int n = chunking == null ? stream.length : Math.min(stream.length - at, chunking.nextInt(8));
            e.receive(stream, at, n);
            at += n;
            if (stream.length == 0) {
                break;
            }
        }
        assertEquals(cap, e.subnegotiationCapacity());
        for (byte[] batch : r.batches) {
            assertNull(T.malformed(batch), () -> "malformed output " + hex(batch) + " for input " + hex(stream));
        }
        TerminalInfo info = e.terminalInfo();
        assertTrue(info.terminalTypes().size() <= TelnetSettings.DEFAULT_MAX_TERMINAL_TYPES);
        assertTrue(e.terminalTypeQueries() <= TelnetSettings.DEFAULT_MAX_TERMINAL_TYPES);
        assertTrue(info.environment().size() <= EnvironmentParser.MAX_VARIABLES);
        assertTrue(r.sentBytes().length <= 4 * stream.length + 200,
                () -> "too much output: " + r.sentBytes().length + " for " + stream.length);
        return new Outcome(r.eventStrings(), hex(r.sentBytes()), info.toString());
    }

    @Test
    void randomAndMutatedStreams() {
        Random random = new Random(20240601L);
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        int done = 0;
        for (int n = 0; n < 2000 && System.nanoTime() < deadline; n++) {
            byte[] stream;
            if (n % 2 == 0) {
                stream = randomStream(random);
            } else {
                ByteArrayOutputStream valid = new ByteArrayOutputStream();
                TelnetEngine encoder = T.engine(new Recorder());
                int pieces = random.nextInt(30);
                for (int p = 0; p < pieces; p++) {
                    validPiece(random, encoder, valid, new ByteArrayOutputStream(), true);
                }
                stream = mutate(random, valid.toByteArray());
            }
            // every third stream with a 16-byte sub-negotiation cap, so overflows happen too
            TelnetSettings settings = n % 3 == 0 ? new TelnetSettings(16, 8, true, true) : TelnetSettings.defaults();
            Outcome whole = feed(stream, null, settings);
            Outcome chunked = feed(stream, new Random(n), settings);
            assertEquals(whole, chunked, "split changed the meaning of " + hex(stream));
            done++;
        }
        assertTrue(done >= 200, "only " + done + " streams in the time limit");
    }

    @Test
    void validStreamsDeliverExactlyTheirPayload() {
        Random random = new Random(99);
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS / 2;
        for (int n = 0; n < 1000 && System.nanoTime() < deadline; n++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            TelnetEngine encoder = T.engine(new Recorder());
            int pieces = random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                validPiece(random, encoder, wire, payload, false);
            }
            byte[] stream = wire.toByteArray();
            Recorder r = new Recorder();
            TelnetEngine e = T.engine(r);
            e.start();
            int at = 0;
            while (at < stream.length) {
                int len = Math.min(stream.length - at, 1 + random.nextInt(10));
                e.receive(stream, at, len);
                at += len;
            }
            assertEquals(hex(payload.toByteArray()), hex(r.dataBytes()), "payload of " + hex(stream));
        }
    }
}
