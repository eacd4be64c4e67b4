package io.chuk.protocol.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the client told us about its terminal, as one immutable snapshot, and what that means
 * it can display.
 *
 * <p>A record rather than live getters so a handler (possibly on another thread than the one
 * feeding the engine) can keep and show a consistent view without racing the parser.
 *
 * <p><b>Capabilities</b> are decided from, strongest first:
 * <ol>
 *   <li>explicit claims that always count: NEW-ENVIRON {@code COLORTERM=truecolor|24bit} (true
 *       colour), an agreed {@code charset} of UTF-8 or a {@code LC_ALL}/{@code LC_CTYPE}/{@code LANG}
 *       naming UTF-8 (UTF-8);</li>
 *   <li>the MTTS bit field, when the client sent an {@code "MTTS <n>"} name: it then decides
 *       everything else, and the names are not consulted;</li>
 *   <li>otherwise the TTYPE names: colour if one contains {@code color}, {@code xterm},
 *       {@code 256} or {@code ansi} (or is a known colour client such as Mudlet, TinTin++,
 *       PuTTY, screen, tmux); 256 colours if one contains {@code 256}; true colour if one contains
 *       {@code truecolor}, {@code 24bit} or {@code direct}; UTF-8 if one contains {@code utf},
 *       {@code unicode}, {@code xterm} or {@code ansi}.</li>
 * </ol>
 * True colour implies 256 colours, which implies colour.
 *
 * <p><b>Window size</b> is clamped on construction: a width below {@value #MIN_WIDTH} becomes
 * {@value #DEFAULT_WIDTH} and a height below {@value #MIN_HEIGHT} becomes {@value #DEFAULT_HEIGHT}
 * (clients that report 0 or 1 mean "unknown"); sizes above {@value #MAX_WIDTH} columns or
 * {@value #MAX_HEIGHT} rows are capped there, so a handler laying out a screen never allocates
 * for a 65535-column window.
 *
 * @param terminalType  the first name the client reported for TTYPE (its preferred one), or {@code null}
 * @param terminalTypes every distinct name seen while cycling (MTTS), first one first
 * @param width         columns, from NAWS; 80 until reported; clamped as above
 * @param height        rows, from NAWS; 24 until reported; clamped as above
 * @param environment   NEW-ENVIRON variables (VAR and USERVAR alike), in arrival order
 * @param charset       the character set agreed through CHARSET, or {@code null}
 */
public record TerminalInfo(String terminalType, List<String> terminalTypes, int width, int height,
                           Map<String, String> environment, String charset) {

    /** Columns assumed when the client reports none or a nonsense width. */
    public static final int DEFAULT_WIDTH = 80;
    /** Rows assumed when the client reports none or a nonsense height. */
    public static final int DEFAULT_HEIGHT = 24;
    /** The narrowest width taken as real; narrower becomes {@link #DEFAULT_WIDTH}. */
    public static final int MIN_WIDTH = 10;
    /** The lowest height taken as real; lower becomes {@link #DEFAULT_HEIGHT}. */
    public static final int MIN_HEIGHT = 3;
    /** The widest width kept; wider is capped to this. */
    public static final int MAX_WIDTH = 1000;
    /** The greatest height kept; greater is capped to this. */
    public static final int MAX_HEIGHT = 1000;

    /** Longest terminal type shown by {@link #summary()} (RFC 1091 allows 40 characters). */
    private static final int SUMMARY_TYPE_LENGTH = 40;

    /** Copies the collections and clamps the window size (see the class comment). */
    public TerminalInfo {
        terminalTypes = List.copyOf(terminalTypes);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        width = clampWidth(width);
        height = clampHeight(height);
    }

    /** {@code width} as this record keeps it: below {@link #MIN_WIDTH} the default, capped at {@link #MAX_WIDTH}. */
    public static int clampWidth(int width) {
        return width < MIN_WIDTH ? DEFAULT_WIDTH : Math.min(width, MAX_WIDTH);
    }

    /** {@code height} as this record keeps it: below {@link #MIN_HEIGHT} the default, capped at {@link #MAX_HEIGHT}. */
    public static int clampHeight(int height) {
        return height < MIN_HEIGHT ? DEFAULT_HEIGHT : Math.min(height, MAX_HEIGHT);
    }

    /** The MTTS bit field from an {@code "MTTS <n>"} TTYPE name, or 0 if the client sent none. */
    public int mttsFlags() {
        return mtts().orElse(0);
    }

    /** Whether the client sent MTTS flags and {@code flag} is among them. */
    public boolean has(MttsFlag flag) {
        return flag.isSetIn(mttsFlags());
    }

    /** Whether the terminal shows ANSI colours (at least the 16 basic ones). */
    public boolean hasColor() {
        return has256Colors() || decide(MttsFlag.ANSI, TerminalNames::claimsColor);
    }

    /** Whether the terminal shows the 256-colour palette. */
    public boolean has256Colors() {
        return hasTrueColor() || decide(MttsFlag.COLORS_256, TerminalNames::claims256Colors);
    }

    /** Whether the terminal shows 24-bit colour. */
    public boolean hasTrueColor() {
        String colorTerm = environment.getOrDefault("COLORTERM", "").trim().toLowerCase(Locale.ROOT);
        return colorTerm.equals("truecolor") || colorTerm.equals("24bit")
                || decide(MttsFlag.TRUECOLOR, TerminalNames::claimsTrueColor);
    }

    /** Whether the terminal decodes UTF-8. */
    public boolean hasUtf8() {
        return isUtf8(charset)
                || Stream.of("LC_ALL", "LC_CTYPE", "LANG").map(environment::get).anyMatch(TerminalInfo::isUtf8)
                || decide(MttsFlag.UTF8, TerminalNames::claimsUtf8);
    }

    /**
     * Whether the terminal understands VT100 cursor movement and erasing: any colour terminal,
     * an MTTS client with the VT100 flag, or (without MTTS) any named type except {@code dumb}
     * and {@code unknown}. A client that never answered TTYPE does not count.
     */
    public boolean hasCursorControl() {
        return hasColor() || decide(MttsFlag.VT100, TerminalNames::isTerminal);
    }

    /**
     * One line for people and logs, e.g. {@code xterm-256color 120x40, 256 colours, UTF-8}. Control
     * characters in the client's type name are shown as {@code ?} and the name is shortened to 40
     * characters.
     */
    public String summary() {
        StringBuilder line = new StringBuilder(printable(terminalType)).append(' ')
                .append(width).append('x').append(height).append(", ");
        line.append(hasTrueColor() ? "truecolour" : has256Colors() ? "256 colours"
                : hasColor() ? "16 colours" : "no colour");
        if (hasUtf8()) {
            line.append(", UTF-8");
        }
        if (has(MttsFlag.SCREEN_READER)) {
            line.append(", screen reader");
        }
        return line.toString();
    }

    /** The MTTS flag when the client sent MTTS, else what the names say. */
    private boolean decide(MttsFlag flag, Predicate<String> byName) {
        OptionalInt mtts = mtts();
        return mtts.isPresent() ? flag.isSetIn(mtts.getAsInt()) : names().anyMatch(byName);
    }

    private OptionalInt mtts() {
        return allNames().map(MttsFlag::parse).filter(OptionalInt::isPresent).findFirst()
                .orElse(OptionalInt.empty());
    }

    /** The TTYPE names that are not MTTS entries. */
    private Stream<String> names() {
        return allNames().filter(name -> MttsFlag.parse(name).isEmpty());
    }

    private Stream<String> allNames() {
        return Stream.concat(Stream.ofNullable(terminalType), terminalTypes.stream());
    }

    private static boolean isUtf8(String value) {
        if (value == null) {
            return false;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.contains("UTF-8") || upper.contains("UTF8");
    }

    private static String printable(String name) {
        if (name == null || name.isEmpty()) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(SUMMARY_TYPE_LENGTH)
                .map(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) ? '?' : c)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
