package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.T.DO;
import static io.chuk.protocol.telnet.T.IAC;
import static io.chuk.protocol.telnet.T.assertBytes;
import static io.chuk.protocol.telnet.T.b;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The output side: escaping, GA, and decode(encode(x)) == x. */
class TelnetEncodeTest {

    private final TelnetEngine e = T.engine(new Recorder());

    @Test
    void iacIsDoubled() {
        assertBytes(b("a", IAC, IAC, "b"), e.encode(b("a", IAC, "b")));
        assertBytes(b(IAC, IAC, IAC, IAC), e.encode(b(IAC, IAC)));
    }

    @Test
    void bareCrGetsNul() {
        assertBytes(b("a\r", 0, "b"), e.encode(b("a\rb")));
        assertBytes(b("a\r", 0), e.encode(b("a\r")));
        assertBytes(b("\r", 0, "\r\n"), e.encode(b("\r\r\n")));
    }

    @Test
    void crLfAndLfAreUntouched() {
        assertBytes(b("hi\r\nthere\n"), e.encode(b("hi\r\nthere\n")));
    }

    @Test
    void utf8IsUntouched() {
        byte[] text = "héllo €\r\n".getBytes(StandardCharsets.UTF_8);
        assertBytes(text, e.encode(text));
    }

    @Test
    void binaryModeKeepsBareCrButStillDoublesIac() {
        Recorder r = new Recorder();
        TelnetEngine binary = T.engine(r);
        binary.receive(b(IAC, DO, TelnetOption.BINARY));
        assertEquals(true, binary.isEnabledLocally(TelnetOption.BINARY));
        assertBytes(b("a\rb", IAC, IAC), binary.encode(b("a\rb", IAC)));
    }

    @Test
    void sliceAndStreamVariants() {
        byte[] src = b("xx", IAC, "\ryy");
        assertBytes(b(IAC, IAC, "\r", 0), e.encode(src, 2, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b("pre"));
        e.encode(src, 0, src.length, out);
        assertBytes(b("prexx", IAC, IAC, "\r", 0, "yy"), out.toByteArray());
        assertEquals(0, e.encode(new byte[0]).length);
    }

    @Test
    void goAheadOnlyWithoutSga() {
        assertBytes(b(IAC, 249), e.goAheadIfNeeded());
        Recorder r = new Recorder();
        TelnetEngine sga = T.engine(r);
        sga.start();
        sga.receive(b(IAC, DO, TelnetOption.SGA));
        assertEquals(0, sga.goAheadIfNeeded().length);
    }

    @Test
    void decodeOfEncodeIsIdentity() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            byte[] data = new byte[random.nextInt(200)];
            for (int i = 0; i < data.length; i++) {
                int pick = random.nextInt(6);
                data[i] = (byte) (pick == 0 ? 0xFF : pick == 1 ? '\r' : pick == 2 ? 0 : pick == 3 ? '\n'
                        : random.nextInt(256));
            }
            Recorder r = new Recorder();
            TelnetEngine peer = T.engine(r);
            byte[] wire = e.encode(data);
            int cut = wire.length == 0 ? 0 : random.nextInt(wire.length + 1);
            peer.receive(wire, 0, cut);
            peer.receive(wire, cut, wire.length - cut);
            assertBytes(data, r.dataBytes());
            assertEquals(0, r.sentBytes().length);
        }
    }
}
