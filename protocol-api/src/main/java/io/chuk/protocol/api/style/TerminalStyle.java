package io.chuk.protocol.api.style;

import io.chuk.protocol.api.MttsFlag;
import io.chuk.protocol.api.TerminalInfo;

import java.util.Objects;
import java.util.Optional;

/**
 * Colours, attributes, cursor movement, erasing, window titles and progress bars for one
 * session, degraded to what its terminal supports. Every method returns a {@code String} for
 * {@code sendRaw}/{@code sendLine}; nothing here does I/O.
 *
 * <p>What a session gets, from its {@link TerminalInfo}:
 * <ul>
 *   <li><b>No terminal</b> ({@code tcp}, {@code websocket}: {@code Optional.empty()}): plain text,
 *       no escape sequence at all.</li>
 *   <li><b>Colours and attributes</b> only when the client claims colour
 *       ({@link TerminalInfo#hasColor()}); at the richest depth it claims
 *       ({@link ColorDepth#of}), a richer colour being replaced by the nearest one it can show
 *       (true colour to the 256-colour palette to the 16 ANSI colours).</li>
 *   <li><b>Cursor movement and erasing</b> when the client has cursor control
 *       ({@link TerminalInfo#hasCursorControl()}): every colour terminal and any named type but
 *       {@code dumb}/{@code unknown} (a VT100 gets these but no colour).</li>
 *   <li><b>Window titles</b> (an xterm extension, OSC) only when it has both colour and cursor
 *       control, as xterm-like terminals do.</li>
 * </ul>
 * Whatever is not supported becomes the empty string, so a handler writes one code path.
 *
 * <p>Take the style when you need it ({@code TerminalStyle.of(session().terminal())}): early in
 * {@code onConnect} the client may not have answered the terminal-type question yet.
 */
public final class TerminalStyle {

    /** The longest window title sent; longer ones are cut. */
    public static final int MAX_TITLE_LENGTH = 256;

    static final String ESC = "\u001b";
    static final String CSI = ESC + "[";
    static final String RESET = CSI + "0m";
    private static final String BEL = "\u0007";
    /** The most rows or columns one cursor movement goes. */
    private static final int MAX_MOVE = Math.max(TerminalInfo.MAX_WIDTH, TerminalInfo.MAX_HEIGHT);

    private static final TerminalStyle PLAIN = new TerminalStyle(ColorDepth.NONE, false, TerminalInfo.DEFAULT_WIDTH);

    private final ColorDepth depth;
    private final boolean cursorControl;
    private final int width;

    private TerminalStyle(ColorDepth depth, boolean cursorControl, int width) {
        this.depth = depth;
        this.cursorControl = cursorControl;
        this.width = width;
    }

    /** The style for a session's {@code terminal()}: plain when empty (or {@code null}). */
    public static TerminalStyle of(Optional<TerminalInfo> terminal) {
        return terminal == null ? PLAIN : of(terminal.orElse(null));
    }

    /**
     * The style for {@code info}: plain when {@code null}, and for a client whose MTTS flags say
     * it is used through a screen reader (colours and cursor movement would be read aloud).
     */
    public static TerminalStyle of(TerminalInfo info) {
        if (info == null || info.has(MttsFlag.SCREEN_READER)) {
            return PLAIN;
        }
        return new TerminalStyle(ColorDepth.of(info), info.hasCursorControl(), info.width());
    }

    /**
     * A style chosen by the caller, for a client known by other means (say, a WebSocket page
     * running a terminal emulator).
     *
     * @param depth         the colours to use
     * @param cursorControl whether to send cursor movement and erasing
     * @param width         the columns {@link #progressBar(double)} fits, clamped as in {@link TerminalInfo}
     */
    public static TerminalStyle of(ColorDepth depth, boolean cursorControl, int width) {
        return new TerminalStyle(Objects.requireNonNull(depth, "depth"), cursorControl, TerminalInfo.clampWidth(width));
    }

    /** The style that writes plain text only. */
    public static TerminalStyle plain() {
        return PLAIN;
    }

    /** The colour depth colours are sent at. */
    public ColorDepth colorDepth() {
        return depth;
    }

    /** Whether cursor movement and erasing are sent. */
    public boolean cursorControl() {
        return cursorControl;
    }

    /** The terminal's width in columns (80 when unknown). */
    public int width() {
        return width;
    }

    // ------------------------------------------------------------------ colours and attributes

    /** An ink with nothing set, to build on. */
    public Ink ink() {
        return new Ink(depth);
    }

    /** An ink with text in {@code color}. */
    public Ink fg(Color color) {
        return ink().fg(color);
    }

    /** An ink on a {@code color} background. */
    public Ink bg(Color color) {
        return ink().bg(color);
    }

    /** A bold ink. */
    public Ink bold() {
        return ink().bold();
    }

    /** A dim ink. */
    public Ink dim() {
        return ink().dim();
    }

    /** An underlined ink. */
    public Ink underline() {
        return ink().underline();
    }

    /** A reversed ink. */
    public Ink reverse() {
        return ink().reverse();
    }

    /**
     * {@code text} in {@code color} (none if {@code null}) with {@code attributes}, then a reset.
     */
    public String paint(String text, Color color, Attribute... attributes) {
        Ink ink = ink().with(attributes);
        return (color == null ? ink : ink.fg(color)).apply(text);
    }

    /** {@code ESC[0m}, turning every colour and attribute off; empty without colour. */
    public String reset() {
        return depth == ColorDepth.NONE ? "" : RESET;
    }

    // ------------------------------------------------------------------ cursor and erasing

    /** Moves the cursor up {@code n} rows ({@code ESC[nA}); empty for {@code n <= 0}. */
    public String cursorUp(int n) {
        return move(n, 'A');
    }

    /** Moves the cursor down {@code n} rows ({@code ESC[nB}); empty for {@code n <= 0}. */
    public String cursorDown(int n) {
        return move(n, 'B');
    }

    /** Moves the cursor right {@code n} columns ({@code ESC[nC}); empty for {@code n <= 0}. */
    public String cursorRight(int n) {
        return move(n, 'C');
    }

    /** Moves the cursor left {@code n} columns ({@code ESC[nD}); empty for {@code n <= 0}. */
    public String cursorLeft(int n) {
        return move(n, 'D');
    }

    /**
     * Puts the cursor at {@code row}, {@code col}, both counted from 1 ({@code ESC[row;colH});
     * values below 1 are taken as 1 and values above 1000 as 1000.
     */
    public String cursorTo(int row, int col) {
        return screen(CSI + bound(row) + ';' + bound(col) + 'H');
    }

    /** Saves the cursor position and attributes ({@code ESC 7}, understood back to the VT100). */
    public String saveCursor() {
        return screen(ESC + "7");
    }

    /** Restores what {@link #saveCursor()} saved ({@code ESC 8}). */
    public String restoreCursor() {
        return screen(ESC + "8");
    }

    /** Hides the cursor ({@code ESC[?25l}). */
    public String hideCursor() {
        return screen(CSI + "?25l");
    }

    /** Shows the cursor ({@code ESC[?25h}). */
    public String showCursor() {
        return screen(CSI + "?25h");
    }

    /** Clears the screen and puts the cursor top left ({@code ESC[2J ESC[H}). */
    public String clearScreen() {
        return screen(CSI + "2J" + CSI + "H");
    }

    /** Clears the whole cursor line and returns to its start ({@code ESC[2K} then CR). */
    public String clearLine() {
        return screen(CSI + "2K\r");
    }

    /** Clears from the cursor to the end of the line ({@code ESC[K}). */
    public String clearToEndOfLine() {
        return screen(CSI + "K");
    }

    // ------------------------------------------------------------------ titles and progress

    /**
     * Sets the window title ({@code ESC]2;text BEL}). Control characters are removed, so the
     * text cannot end the sequence early, and it is cut to {@value #MAX_TITLE_LENGTH} characters.
     */
    public String title(String text) {
        return osc(2, text);
    }

    /** Sets the window and icon titles together ({@code ESC]0;text BEL}), like {@link #title}. */
    public String titleAndIcon(String text) {
        return osc(0, text);
    }

    /**
     * A text progress bar such as {@code [#####-----] 50%} with {@code cells} cells between the
     * brackets (clamped to 1–1000); {@code fraction} is clamped to 0–1, NaN counts as 0. The
     * same on every terminal; send it after {@code "\r"} to redraw it in place.
     */
    public String progressBar(double fraction, int cells) {
        return ProgressBar.render(fraction, cells);
    }

    /**
     * A {@link #progressBar(double, int) progress bar} as wide as the terminal allows while
     * leaving the last column free (a character there makes some terminals wrap).
     */
    public String progressBar(double fraction) {
        return ProgressBar.render(fraction, width - 1 - ProgressBar.DECORATION);
    }

    private String move(int n, char direction) {
        return n <= 0 ? "" : screen(CSI + Math.min(n, MAX_MOVE) + direction);
    }

    private static int bound(int position) {
        return Math.max(1, Math.min(MAX_MOVE, position));
    }

    private String screen(String sequence) {
        return cursorControl ? sequence : "";
    }

    private String osc(int command, String text) {
        if (!cursorControl || depth == ColorDepth.NONE) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        Objects.requireNonNull(text, "text").codePoints()
                .filter(c -> c >= 0x20 && (c < 0x7f || c >= 0xa0))
                .limit(MAX_TITLE_LENGTH)
                .forEach(clean::appendCodePoint);
        return ESC + "]" + command + ";" + clean + BEL;
    }
}
