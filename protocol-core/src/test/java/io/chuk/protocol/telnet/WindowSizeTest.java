package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NAWS reports on their own: the defaults, the first report, changes, zeros and short bodies. */
class WindowSizeTest {

    private final WindowSize size = new WindowSize();

    private static byte[] naws(int width, int height) {
        return new byte[] {(byte) (width >> 8), (byte) width, (byte) (height >> 8), (byte) height};
    }

    @Test
    void theDefaultsHoldUntilTheFirstReportWhichIsAlwaysNews() {
        assertEquals(TelnetEngine.DEFAULT_WIDTH, size.width());
        assertEquals(TelnetEngine.DEFAULT_HEIGHT, size.height());
        assertTrue(size.receive(naws(80, 24), 4), "the first report, even of the defaults");
        assertFalse(size.receive(naws(80, 24), 4), "the same size again");
        assertTrue(size.receive(naws(300, 100), 4));
        assertEquals(300, size.width());
        assertEquals(100, size.height());
    }

    @Test
    void aZeroKeepsThatSideAndAShortBodyIsIgnored() {
        size.receive(naws(132, 50), 4);
        assertTrue(size.receive(naws(0, 60), 4));
        assertEquals(132, size.width());
        assertEquals(60, size.height());
        assertFalse(size.receive(naws(0, 0), 4), "nothing known changed");
        assertFalse(size.receive(naws(10, 10), 3));
        assertEquals(132, size.width());
    }
}
