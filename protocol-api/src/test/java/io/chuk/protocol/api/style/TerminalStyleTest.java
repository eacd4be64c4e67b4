package io.chuk.protocol.api.style;

import io.chuk.protocol.api.TerminalInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalStyleTest {

    private static final String E = "\u001b";

    static TerminalStyle style(String... names) {
        List<String> types = Arrays.asList(names);
        return TerminalStyle.of(Optional.of(new TerminalInfo(types.isEmpty() ? null : types.get(0), types, 80, 24,
                Map.of(), null)));
    }

    private static final TerminalStyle TRUE = TerminalStyle.of(ColorDepth.TRUECOLOR, true, 80);
    private static final TerminalStyle C256 = TerminalStyle.of(ColorDepth.ANSI_256, true, 80);
    private static final TerminalStyle C16 = TerminalStyle.of(ColorDepth.ANSI_16, true, 80);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            MUDLET|MTTS 2349;               TRUECOLOR; true
            TINTIN++|MTTS 137;              ANSI_256;  true
            xterm-256color;                 ANSI_256;  true
            xterm;                          ANSI_16;   true
            VT100;                          NONE;      true
            dumb;                           NONE;      false
            """)
    void sessionsGetTheRichestStyleTheirTerminalClaims(String names, ColorDepth depth, boolean cursor) {
        TerminalStyle style = style(names.split("\\|"));
        assertEquals(depth, style.colorDepth());
        assertEquals(cursor, style.cursorControl());
    }

    @Test
    void aScreenReaderGetsPlainTextWhateverElseItClaims() {
        TerminalStyle reader = style("MUDLET", "MTTS 2413"); // 2349 + SCREEN_READER (64)
        assertSame(TerminalStyle.plain(), reader);
        assertEquals("hi", reader.bold().apply("hi"));
        assertEquals(ColorDepth.TRUECOLOR, style("MUDLET", "MTTS 2349").colorDepth(), "the same client without it");
    }

    @Test
    void sessionsWithoutTerminalArePlain() {
        assertSame(TerminalStyle.plain(), TerminalStyle.of(Optional.empty()));
        assertSame(TerminalStyle.plain(), TerminalStyle.of((Optional<TerminalInfo>) null));
        assertSame(TerminalStyle.plain(), TerminalStyle.of((TerminalInfo) null));
        assertEquals(ColorDepth.NONE, TerminalStyle.plain().colorDepth());
        assertFalse(TerminalStyle.plain().cursorControl());
        assertEquals(80, style().width(), "a telnet client that never answered TTYPE");
        assertEquals(ColorDepth.NONE, style().colorDepth());
        assertFalse(style().cursorControl());
    }

    @Test
    void rgbAtEachDepthIsSentAtThatDepth() {
        Color orange = Color.rgb(255, 128, 0);
        assertEquals(E + "[1;38;2;255;128;0mhi" + E + "[0m", TRUE.fg(orange).bold().apply("hi"));
        assertEquals(E + "[1;38;5;208mhi" + E + "[0m", C256.fg(orange).bold().apply("hi"));
        assertEquals(E + "[1;33mhi" + E + "[0m", C16.fg(orange).bold().apply("hi"));
        assertEquals("hi", TerminalStyle.plain().fg(orange).bold().apply("hi"));
        assertArrayEquals(new byte[] {0x1b, '[', '3', '8', ';', '5', ';', '2', '0', '8', 'm', 'x', 0x1b, '[', '0', 'm'},
                C256.fg(orange).apply("x").getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0},{1},{2} -> {3} / {4}")
    @CsvSource({
        "0, 0, 0, 16, 30",          // black: the cube's black, not the themeable index 0
        "255, 255, 255, 231, 97",
        "128, 128, 128, 244, 90",   // grey ramp beats the cube's (135,135,135)
        "255, 0, 0, 196, 91",
        "0, 0, 139, 18, 34",
        "95, 135, 0, 64, 32",
    })
    void rgbDowngradesToTheNearestColour(int r, int g, int b, int index256, int sgr16) {
        assertEquals(E + "[38;5;" + index256 + "mx" + E + "[0m", C256.fg(Color.rgb(r, g, b)).apply("x"));
        assertEquals(E + "[" + sgr16 + "mx" + E + "[0m", C16.fg(Color.rgb(r, g, b)).apply("x"));
    }

    @Test
    void paletteEntriesDowngradeToSixteenColours() {
        assertEquals(E + "[38;5;244mx" + E + "[0m", C256.fg(Color.indexed(244)).apply("x"));
        assertEquals(E + "[38;5;244mx" + E + "[0m", TRUE.fg(Color.indexed(244)).apply("x"));
        assertEquals(E + "[90mx" + E + "[0m", C16.fg(Color.indexed(244)).apply("x"));
        assertEquals(E + "[91mx" + E + "[0m", C16.fg(Color.indexed(196)).apply("x"));
        assertEquals(E + "[33mx" + E + "[0m", C16.fg(Color.indexed(3)).apply("x"), "the first 16 map to themselves");
        assertEquals(E + "[48;5;21mx" + E + "[0m", C256.bg(Color.rgb(0, 0, 255)).apply("x"));
        assertEquals(E + "[48;2;1;2;3mx" + E + "[0m", TRUE.bg(Color.rgb(1, 2, 3)).apply("x"));
    }

    @Test
    void namedColoursAndAttributes() {
        assertEquals(E + "[31mx" + E + "[0m", C16.fg(Color.RED).apply("x"));
        assertEquals(E + "[91mx" + E + "[0m", TRUE.fg(Color.BRIGHT_RED).apply("x"), "named colours are never upgraded");
        assertEquals(E + "[44mx" + E + "[0m", C16.bg(Color.BLUE).apply("x"));
        assertEquals(E + "[107mx" + E + "[0m", C16.bg(Color.BRIGHT_WHITE).apply("x"));
        assertEquals(E + "[1;2;4;7;37;40mx" + E + "[0m",
                C16.reverse().underline().dim().bold().fg(Color.WHITE).bg(Color.BLACK).apply("x"));
        assertEquals(E + "[7mx" + E + "[0m", C16.paint("x", null, Attribute.REVERSE));
        assertEquals(E + "[1;32mok" + E + "[0m", C16.paint("ok", Color.GREEN, Attribute.BOLD));
        assertEquals("x", C16.ink().apply("x"), "an empty ink writes nothing");
        assertEquals(E + "[4m", C16.underline().start());
        assertEquals(E + "[0m", C16.reset());
        assertEquals("", TerminalStyle.plain().reset());
    }

    @Test
    void inksAreImmutable() {
        Ink red = C16.fg(Color.RED);
        Ink boldRed = red.bold();
        assertEquals(E + "[31m", red.start());
        assertEquals(E + "[1;31m", boldRed.start());
    }

    @Test
    void colourArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Color.ansi(16));
        assertThrows(IllegalArgumentException.class, () -> Color.indexed(256));
        assertThrows(IllegalArgumentException.class, () -> Color.indexed(-1));
        assertThrows(IllegalArgumentException.class, () -> Color.rgb(0, 256, 0));
    }

    @Test
    void cursorAndErasingSequences() {
        assertEquals(E + "[3A", C16.cursorUp(3));
        assertEquals(E + "[1B", C16.cursorDown(1));
        assertEquals(E + "[12C", C16.cursorRight(12));
        assertEquals(E + "[2D", C16.cursorLeft(2));
        assertEquals("", C16.cursorUp(0));
        assertEquals("", C16.cursorLeft(-4));
        assertEquals(E + "[1000A", C16.cursorUp(Integer.MAX_VALUE));
        assertEquals(E + "[5;10H", C16.cursorTo(5, 10));
        assertEquals(E + "[1;1H", C16.cursorTo(0, -3));
        assertEquals(E + "7", C16.saveCursor());
        assertEquals(E + "8", C16.restoreCursor());
        assertEquals(E + "[?25l", C16.hideCursor());
        assertEquals(E + "[?25h", C16.showCursor());
        assertEquals(E + "[2J" + E + "[H", C16.clearScreen());
        assertEquals(E + "[2K\r", C16.clearLine());
        assertEquals(E + "[K", C16.clearToEndOfLine());
    }

    @Test
    void aVt100GetsCursorControlButNoColourOrTitle() {
        TerminalStyle vt100 = style("VT100");
        assertEquals("x", vt100.fg(Color.RED).bold().apply("x"));
        assertEquals(E + "[1A", vt100.cursorUp(1));
        assertEquals(E + "[2J" + E + "[H", vt100.clearScreen());
        assertEquals("", vt100.title("t"));
    }

    @Test
    void aDumbTerminalGetsNothing() {
        TerminalStyle dumb = style("dumb");
        assertEquals("", dumb.clearScreen() + dumb.cursorTo(2, 2) + dumb.title("t") + dumb.hideCursor());
        assertEquals("x", dumb.paint("x", Color.RED, Attribute.BOLD));
    }

    @Test
    void windowTitles() {
        assertEquals(E + "]2;Hello\u0007", C16.title("Hello"));
        assertEquals(E + "]0;Hello\u0007", C16.titleAndIcon("Hello"));
        assertEquals(E + "]2;abcdé\u0007", C16.title("a\u0007b\u001bc\nd\u009cé"),
                "controls cannot end the OSC early");
        assertEquals(E + "]2;" + "t".repeat(TerminalStyle.MAX_TITLE_LENGTH) + "\u0007", C16.title("t".repeat(5000)));
        assertEquals("", TerminalStyle.of(ColorDepth.NONE, true, 80).title("x"), "OSC needs an xterm-like terminal");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource(delimiter = ';', textBlock = """
            0;     10;   [----------] 0%
            0.5;   10;   [#####-----] 50%
            1;     10;   [##########] 100%
            0.29;  10;   [##--------] 29%
            0.999; 10;   [#########-] 99%
            -3;    10;   [----------] 0%
            7;     10;   [##########] 100%
            NaN;   10;   [----------] 0%
            0.5;   0;    [-] 50%
            0.5;   -9;   [-] 50%
            1;     1;    [#] 100%
            """)
    void progressBars(double fraction, int cells, String expected) {
        assertEquals(expected, C16.progressBar(fraction, cells));
        assertEquals(expected, TerminalStyle.plain().progressBar(fraction, cells), "the same on every transport");
    }

    @Test
    void progressBarsAreBoundedAndFitTheTerminal() {
        assertEquals(1000 + 7, C16.progressBar(1, Integer.MAX_VALUE).length());
        assertEquals(79, TerminalStyle.of(ColorDepth.ANSI_16, true, 80).progressBar(1).length());
        assertEquals(119, TerminalStyle.of(ColorDepth.NONE, false, 120).progressBar(1).length());
        assertEquals(79, TerminalStyle.of(ColorDepth.NONE, false, 2).progressBar(1).length(), "nonsense width: 80");
        assertEquals(999, TerminalStyle.of(ColorDepth.NONE, false, 70000).progressBar(1).length());
        assertTrue(TerminalStyle.of(ColorDepth.NONE, false, 10).progressBar(0.5).startsWith("[#-] "));
    }
}
