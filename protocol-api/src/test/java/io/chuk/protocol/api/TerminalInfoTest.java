package io.chuk.protocol.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalInfoTest {

    /** A snapshot as the telnet engine builds it: the first name is the preferred type. */
    static TerminalInfo info(String... names) {
        return info(Map.of(), null, names);
    }

    static TerminalInfo info(Map<String, String> env, String charset, String... names) {
        List<String> types = Arrays.asList(names);
        return new TerminalInfo(types.isEmpty() ? null : types.get(0), types, 80, 24, env, charset);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            # names (|-separated);  colour; 256;  true;  utf8;  cursor; mtts
            xterm;                   true;  false; false; true;  true;   0
            xterm-256color;          true;  true;  false; true;  true;   0
            XTERM-256COLOR;          true;  true;  false; true;  true;   0
            ANSI;                    true;  false; false; true;  true;   0
            VT100;                   false; false; false; false; true;   0
            vt220;                   false; false; false; false; true;   0
            dumb;                    false; false; false; false; false;  0
            unknown;                 false; false; false; false; false;  0
            none;                    false; false; false; false; false;  0
            linux;                   true;  false; false; false; true;   0
            screen-256color;         true;  true;  false; false; true;   0
            xterm-direct;            true;  true;  true;  true;  true;   0
            PUTTY;                   true;  false; false; false; true;   0
            MUDLET|MTTS 2349;        true;  true;  true;  true;  true;   2349
            MUDLET|ANSI-TRUECOLOR|MTTS 2349; true; true; true; true; true; 2349
            TINTIN++|MTTS 137;       true;  true;  false; false; true;   137
            xterm|XTERM-256COLOR|MTTS 137; true; true; false; false; true; 137
            VT100|MTTS 2;            false; false; false; false; true;   2
            ANSI|MTTS 0;             false; false; false; false; false;  0
            TINTIN++;                true;  true;  false; true;  true;   0
            """)
    void capabilitiesFromRealTerminalTypes(String names, boolean color, boolean colors256, boolean trueColor,
                                           boolean utf8, boolean cursor, int mtts) {
        TerminalInfo info = names == null ? info() : info(names.split("\\|"));
        assertEquals(color, info.hasColor(), "colour");
        assertEquals(colors256, info.has256Colors(), "256 colours");
        assertEquals(trueColor, info.hasTrueColor(), "truecolor");
        assertEquals(utf8, info.hasUtf8(), "utf-8");
        assertEquals(cursor, info.hasCursorControl(), "cursor control");
        assertEquals(mtts, info.mttsFlags(), "mtts");
    }

    @Test
    void mttsNumbersDecodeToTheStandardFlags() {
        for (MttsFlag flag : MttsFlag.values()) {
            assertEquals(1 << flag.ordinal(), flag.bit(), flag.name());
        }
        assertEquals(2048, MttsFlag.SSL.bit());
        assertEquals(java.util.EnumSet.of(MttsFlag.ANSI, MttsFlag.UTF8, MttsFlag.COLORS_256,
                MttsFlag.OSC_COLOR_PALETTE, MttsFlag.TRUECOLOR, MttsFlag.SSL), MttsFlag.decode(2349));
        assertEquals(java.util.EnumSet.of(MttsFlag.ANSI, MttsFlag.COLORS_256, MttsFlag.PROXY), MttsFlag.decode(137));
        assertEquals(java.util.EnumSet.noneOf(MttsFlag.class), MttsFlag.decode(0));
        assertEquals(java.util.EnumSet.allOf(MttsFlag.class), MttsFlag.decode(-1), "unknown high bits are ignored");
        TerminalInfo tintin = info("TINTIN++", "MTTS 137");
        assertTrue(tintin.has(MttsFlag.PROXY));
        assertFalse(tintin.has(MttsFlag.UTF8));
        assertFalse(info("xterm").has(MttsFlag.ANSI), "no MTTS entry, no flags");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            MTTS 2349;      2349
            mtts 137;       137
            ' MTTS  137 ';  137
            MTTS 0;         0
            MTTS 2147483647; 2147483647
            """)
    void mttsEntriesParse(String name, int expected) {
        assertEquals(expected, MttsFlag.parse(name).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            MTTS
            MTTS -1
            MTTS 1x
            MTTS 0x10
            MTTS 2147483648
            MTTS 99999999999999999999
            XTERM
            MTTS2349
            """)
    void malformedMttsEntriesAreNotFlags(String name) {
        assertTrue(MttsFlag.parse(name).isEmpty());
        assertEquals(0, info("xterm", name).mttsFlags());
    }

    @Test
    void environmentAndCharsetClaimsCountEvenWithMtts() {
        assertTrue(info(Map.of("COLORTERM", "truecolor"), null, "xterm").hasTrueColor());
        assertTrue(info(Map.of("COLORTERM", "24bit"), null, "TINTIN++", "MTTS 137").hasTrueColor());
        assertFalse(info(Map.of("COLORTERM", "yes"), null, "xterm").hasTrueColor());
        assertTrue(info(Map.of(), "UTF-8", "VT100").hasUtf8());
        assertTrue(info(Map.of(), "utf8", "TINTIN++", "MTTS 137").hasUtf8());
        assertTrue(info(Map.of("LANG", "en_US.UTF-8"), null, "VT100").hasUtf8());
        assertFalse(info(Map.of("LANG", "C"), "ISO-8859-1", "VT100").hasUtf8());
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
        "0, 0, 80, 24",
        "-5, -1, 80, 24",
        "9, 2, 80, 24",
        "10, 3, 10, 3",
        "132, 50, 132, 50",
        "1000, 1000, 1000, 1000",
        "1001, 65535, 1000, 1000",
        "65535, 2, 1000, 24",
    })
    void nonsenseWindowSizesAreClamped(int width, int height, int expectedWidth, int expectedHeight) {
        TerminalInfo info = new TerminalInfo("xterm", List.of("xterm"), width, height, Map.of(), null);
        assertEquals(expectedWidth, info.width());
        assertEquals(expectedHeight, info.height());
        assertEquals(expectedWidth, TerminalInfo.clampWidth(width));
        assertEquals(expectedHeight, TerminalInfo.clampHeight(height));
    }

    @Test
    void summaryDescribesTheTerminalOnOneLine() {
        TerminalInfo xterm = new TerminalInfo("xterm-256color", List.of("xterm-256color"), 120, 40, Map.of(), null);
        assertEquals("xterm-256color 120x40, 256 colours, UTF-8", xterm.summary());
        assertEquals("unknown 80x24, no colour", info().summary());
        assertEquals("VT100 80x24, no colour", info("VT100").summary());
        assertEquals("ANSI 80x24, 16 colours, UTF-8", info("ANSI").summary());
        assertEquals("MUDLET 80x24, truecolour, UTF-8", info("MUDLET", "MTTS 2349").summary());
        assertEquals("TINTIN++ 80x24, 16 colours, screen reader", info("TINTIN++", "MTTS 65").summary());
    }

    @Test
    void summaryNeutralisesControlCharactersAndLongNames() {
        assertEquals("x?[31m 80x24, no colour", info("x\u001b[31m").summary());
        String summary = info("v".repeat(500)).summary();
        assertEquals("v".repeat(40) + " 80x24, no colour", summary);
    }
}
