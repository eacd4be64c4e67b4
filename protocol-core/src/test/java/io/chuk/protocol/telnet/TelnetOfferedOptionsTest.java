package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options a deployment offers beyond the opening six commands: sent after them, and agreed to when asked. */
class TelnetOfferedOptionsTest {

    private static final int GMCP = 201;
    private static final int MSDP = 69;

    @Test
    void offeredOptionsFollowTheOpeningSixInOptionOrder() {
        TelnetEngine engine = new TelnetEngine(new TelnetSettings(1024, 8, true, true, Set.of(GMCP, MSDP)), new Recorder());
        byte[] expected = {
                (byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3, (byte) 255, (byte) 253, 3,
                (byte) 255, (byte) 253, 24, (byte) 255, (byte) 253, 31, (byte) 255, (byte) 252, 34,
                (byte) 255, (byte) 251, 69, (byte) 255, (byte) 251, (byte) 201};
        assertArrayEquals(expected, engine.start());
    }

    @Test
    void anOfferedOptionIsEnabledWhenTheClientAgreesAndNotAnsweredAgain() {
        Recorder recorder = new Recorder();
        TelnetEngine engine = new TelnetEngine(new TelnetSettings(1024, 8, true, true, Set.of(GMCP)), recorder);
        engine.start();
        engine.receive(new byte[] {(byte) 255, (byte) 253, (byte) 201}); // IAC DO GMCP
        assertTrue(engine.isEnabledLocally(GMCP));
    }

    @Test
    void withoutOffersTheOpeningIsUnchanged() {
        TelnetEngine plain = new TelnetEngine(TelnetSettings.defaults(), new Recorder());
        assertArrayEquals(new byte[] {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3, (byte) 255, (byte) 253, 3,
                (byte) 255, (byte) 253, 24, (byte) 255, (byte) 253, 31, (byte) 255, (byte) 252, 34}, plain.start());
    }
}
