package io.chuk.protocol.api.style;

import io.chuk.protocol.api.TerminalInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalStylePropertiesTest {

    private static final Pattern SIXTEEN = Pattern.compile("\u001b\\[(3[0-7]|9[0-7])m.*\u001b\\[0m", Pattern.DOTALL);
    private static final Pattern PALETTE = Pattern.compile("\u001b\\[38;5;(\\d{1,3})m.*\u001b\\[0m", Pattern.DOTALL);

    @Provide
    Arbitrary<Color> colors() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 15).map(Color::ansi),
                Arbitraries.integers().between(0, 255).map(Color::indexed),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(0, 255)).as(Color::rgb));
    }

    /** Styles of sessions that must see no escape code: no terminal, or one that claims nothing. */
    @Provide
    Arbitrary<TerminalStyle> plainStyles() {
        return Arbitraries.of(
                TerminalStyle.of(Optional.empty()),
                TerminalStyle.plain(),
                TerminalStyle.of(new TerminalInfo("dumb", List.of("dumb"), 80, 24, Map.of(), null)),
                TerminalStyle.of(new TerminalInfo(null, List.of(), 0, 0, Map.of(), null)),
                TerminalStyle.of(new TerminalInfo("ANSI", List.of("ANSI", "MTTS 0"), 80, 24, Map.of(), null)));
    }

    @Property(tries = 300)
    void plainStylesNeverEmitEscape(@ForAll("plainStyles") TerminalStyle style, @ForAll String text,
                                    @ForAll("colors") Color fg, @ForAll("colors") Color bg,
                                    @ForAll Attribute attribute, @ForAll int n, @ForAll int m,
                                    @ForAll double fraction, @ForAll @IntRange(min = -5, max = 2000) int cells) {
        assertEquals(text, style.fg(fg).bg(bg).with(attribute).apply(text));
        assertEquals(text, style.paint(text, fg, attribute));
        String everythingElse = style.reset() + style.ink().fg(fg).start() + style.cursorUp(n) + style.cursorDown(n)
                + style.cursorLeft(n) + style.cursorRight(n) + style.cursorTo(n, m) + style.saveCursor()
                + style.restoreCursor() + style.hideCursor() + style.showCursor() + style.clearScreen()
                + style.clearLine() + style.clearToEndOfLine() + style.title(text) + style.titleAndIcon(text)
                + style.progressBar(fraction, cells) + style.progressBar(fraction);
        assertFalse(everythingElse.contains("\u001b"), everythingElse);
    }

    @Property(tries = 300)
    void everyColourFitsEachDepth(@ForAll("colors") Color color) {
        assertTrue(SIXTEEN.matcher(TerminalStyle.of(ColorDepth.ANSI_16, true, 80).fg(color).apply("x")).matches());
        String at256 = TerminalStyle.of(ColorDepth.ANSI_256, true, 80).fg(color).apply("x");
        if (!(color instanceof Color.Ansi)) {
            var match = PALETTE.matcher(at256);
            assertTrue(match.matches(), at256);
            assertTrue(Integer.parseInt(match.group(1)) <= 255);
        }
        assertFalse(TerminalStyle.of(ColorDepth.ANSI_16, true, 80).fg(color).apply("x").contains(";2;"));
    }

    @Property(tries = 300)
    void progressBarsStayInBounds(@ForAll double fraction, @ForAll int cells) {
        String bar = TerminalStyle.plain().progressBar(fraction, cells);
        int drawn = Math.max(1, Math.min(1000, cells));
        assertTrue(bar.matches("\\[#*-*] (\\d|[1-9]\\d|100)%"), bar);
        assertEquals(drawn, bar.indexOf(']') - 1);
        assertTrue(bar.length() <= drawn + 7);
    }

    @Property(tries = 200)
    void titlesNeverCarryControlCharacters(@ForAll String text) {
        String title = TerminalStyle.of(ColorDepth.TRUECOLOR, true, 80).title(text);
        String body = title.substring(4, title.length() - 1);
        assertTrue(title.startsWith("\u001b]2;") && title.endsWith("\u0007"));
        assertTrue(body.codePoints().noneMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0)), body);
        assertTrue(body.codePointCount(0, body.length()) <= TerminalStyle.MAX_TITLE_LENGTH);
    }
}
