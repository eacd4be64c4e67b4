package io.chuk.protocol.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Server-side line editing for terminals in character mode (telnet with server echo): what a
 * person expects from a shell prompt, as pure char-in / events-out code.
 *
 * <ul>
 *   <li>printable characters are inserted and echoed (a surrogate pair is echoed whole);</li>
 *   <li>Enter is CR, LF, CR LF or CR NUL, each exactly once;</li>
 *   <li>backspace/DEL erase a character, Ctrl-U the line, Ctrl-W the previous word;</li>
 *   <li>Up/Down walk a bounded history; other escape sequences (arrows, function keys) are
 *       swallowed whole and never leak into the line;</li>
 *   <li>Ctrl-C is an interrupt, Ctrl-D on an empty line is end of input;</li>
 *   <li>the line is capped: keystrokes past the limit ring the bell instead of growing it.</li>
 *   <li>in secret mode (passwords) nothing typed is echoed, only Enter's new line, and the line
 *       never enters the history.</li>
 * </ul>
 * Not thread-safe: one session feeds it from one thread at a time.
 */
public final class LineEditor {

    /** Receives the editor's output. */
    public interface Listener {
        /** Text to show the user (echo, erasures, bell); send it only if the server echoes. */
        void echo(String text);

        /** A line was entered (without its terminator). */
        void line(String line);

        /** Ctrl-C. */
        void interrupt();

        /** Ctrl-D on an empty line. */
        void endOfInput();
    }

    private static final String ERASE_ONE = "\b \b";
    private static final String BELL = "\u0007";
    private static final int MAX_ESCAPE_LENGTH = 16;

    private enum Escape { NONE, ESC, CSI }

    private final int maxBytes;
    private final int historySize;
    private final StringBuilder line = new StringBuilder();
    /** UTF-8 length of {@link #line}, which the limit counts. */
    private int lineBytes;
    /** A high surrogate was refused at the limit, so its low half must be dropped too. */
    private boolean refusedHighSurrogate;
    private final List<String> history = new ArrayList<>();
    private int historyIndex;
    private String draft = "";
    private boolean afterCr;
    private Escape escape = Escape.NONE;
    private final StringBuilder escapeParams = new StringBuilder();
    private boolean secret;

    /**
     * @param maxBytes    longest line, in UTF-8 bytes
     * @param historySize how many entered lines Up/Down can recall (0 = no history)
     */
    public LineEditor(int maxBytes, int historySize) {
        this.maxBytes = maxBytes;
        this.historySize = historySize;
    }

    /** The line typed so far. */
    public String currentLine() {
        return line.toString();
    }

    /**
     * Secret mode, for passwords: keystrokes are not echoed (only the new line of Enter is), the
     * line is not kept in the history, and Up/Down recall nothing.
     */
    public void setSecret(boolean secretMode) {
        secret = secretMode;
    }

    /** The recalled lines, oldest first. */
    public List<String> history() {
        return List.copyOf(history);
    }

    /** One typed character; what it causes (echo, a line, an interrupt) goes to {@code listener}. */
    public void feed(char c, Listener listener) {
        feedEchoing(c, secret ? new Secret(listener) : listener);
    }

    private void feedEchoing(char c, Listener listener) {
        if (!Character.isLowSurrogate(c)) {
            dropDanglingHighSurrogate();
        }
        boolean wasAfterCr = afterCr;
        afterCr = false;
        if (escape != Escape.NONE) {
            continueEscape(c, listener);
            return;
        }
        switch (c) {
            case '\r' -> {
                afterCr = true;
                enter(listener);
            }
            case '\n' -> {
                if (!wasAfterCr) {
                    enter(listener);
                }
            }
            case '\0' -> { /* CR NUL's second half, or a keepalive */ }
            case 0x08, 0x7F -> eraseChars(1, listener);
            case 0x15 -> eraseChars(line.length(), listener);
            case 0x17 -> eraseWord(listener);
            case 0x03 -> {
                clear();
                listener.interrupt();
            }
            case 0x04 -> {
                if (line.length() == 0) {
                    listener.endOfInput();
                } else {
                    listener.echo(BELL);
                }
            }
            case 0x1B -> {
                escape = Escape.ESC;
                escapeParams.setLength(0);
            }
            default -> {
                if (c >= 0x20 || c == '\t') {
                    insert(c, listener);
                }
            }
        }
    }

    private void enter(Listener listener) {
        String entered = line.toString();
        clear();
        remember(entered);
        listener.echo("\r\n");
        listener.line(entered);
    }

    private void insert(char c, Listener listener) {
        if (Character.isLowSurrogate(c) && (refusedHighSurrogate || line.length() == 0
                || !Character.isHighSurrogate(line.charAt(line.length() - 1)))) {
            refusedHighSurrogate = false;
            return; // the other half of a character that did not fit, or a stray half
        }
        int size = utf8Length(c);
        if (lineBytes + size > maxBytes) {
            refusedHighSurrogate = Character.isHighSurrogate(c);
            listener.echo(BELL);
            return;
        }
        line.append(c);
        lineBytes += size;
        if (Character.isHighSurrogate(c)) {
            return; // echoed with its low surrogate
        }
        int length = line.length();
        if (Character.isLowSurrogate(c) && length > 1 && Character.isHighSurrogate(line.charAt(length - 2))) {
            listener.echo(line.substring(length - 2));
        } else {
            listener.echo(String.valueOf(c));
        }
    }

    private void eraseChars(int count, Listener listener) {
        StringBuilder erase = new StringBuilder();
        for (int i = 0; i < count && line.length() > 0; i++) {
            int last = line.length() - 1;
            boolean pair = last > 0 && Character.isLowSurrogate(line.charAt(last))
                    && Character.isHighSurrogate(line.charAt(last - 1));
            lineBytes -= pair ? 4 : utf8Length(line.charAt(last));
            line.setLength(pair ? last - 1 : last);
            erase.append(ERASE_ONE);
        }
        if (!erase.isEmpty()) {
            listener.echo(erase.toString());
        }
    }

    private void eraseWord(Listener listener) {
        int end = line.length();
        int start = end;
        while (start > 0 && line.charAt(start - 1) == ' ') {
            start--;
        }
        while (start > 0 && line.charAt(start - 1) != ' ') {
            start--;
        }
        eraseChars(line.codePointCount(start, end), listener);
    }

    private void continueEscape(char c, Listener listener) {
        if (escape == Escape.ESC) {
            if (c == '[' || c == 'O') {
                escape = Escape.CSI;
            } else {
                escape = Escape.NONE; // ESC + one key (Alt-key): swallowed
            }
            return;
        }
        if (c >= 0x40 && c <= 0x7E) {
            escape = Escape.NONE;
            boolean plain = escapeParams.isEmpty();
            if (secret) {
                return;
            }
            if (plain && c == 'A') {
                recall(-1, listener);
            } else if (plain && c == 'B') {
                recall(1, listener);
            }
            return;
        }
        if (escapeParams.length() >= MAX_ESCAPE_LENGTH || c < 0x20) {
            escape = Escape.NONE; // not a sequence we know: drop it rather than buffer without bound
            return;
        }
        escapeParams.append(c);
    }

    private void remember(String entered) {
        if (!secret && historySize > 0 && !entered.isBlank()
                && (history.isEmpty() || !history.get(history.size() - 1).equals(entered))) {
            history.add(entered);
            if (history.size() > historySize) {
                history.remove(0);
            }
        }
        historyIndex = history.size();
        draft = "";
    }

    private void recall(int direction, Listener listener) {
        int target = historyIndex + direction;
        if (target < 0 || target > history.size()) {
            listener.echo(BELL);
            return;
        }
        if (historyIndex == history.size()) {
            draft = line.toString();
        }
        historyIndex = target;
        String replacement = target == history.size() ? draft : history.get(target);
        eraseChars(line.length(), listener);
        for (int i = 0; i < replacement.length(); i++) {
            insert(replacement.charAt(i), SILENT);
        }
        if (line.length() > 0) {
            listener.echo(line.toString());
        }
    }

    /** A high surrogate whose low half never came is not a character: forget it. */
    private void dropDanglingHighSurrogate() {
        int last = line.length() - 1;
        if (last >= 0 && Character.isHighSurrogate(line.charAt(last))) {
            line.setLength(last);
            lineBytes -= 4;
        }
    }

    private void clear() {
        line.setLength(0);
        lineBytes = 0;
        refusedHighSurrogate = false;
    }

    /** UTF-8 bytes of one char: a surrogate pair counts 4, all on its high half. */
    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c)) {
            return 4;
        }
        return Character.isLowSurrogate(c) ? 0 : 3;
    }

    /** What secret mode lets through: Enter's new line, and every event but echo. */
    private record Secret(Listener target) implements Listener {
        @Override
        public void echo(String text) {
            if ("\r\n".equals(text)) {
                target.echo(text);
            }
        }

        @Override
        public void line(String entered) {
            target.line(entered);
        }

        @Override
        public void interrupt() {
            target.interrupt();
        }

        @Override
        public void endOfInput() {
            target.endOfInput();
        }
    }

    private static final Listener SILENT = new Listener() {
        @Override
        public void echo(String text) {
        }

        @Override
        public void line(String entered) {
        }

        @Override
        public void interrupt() {
        }

        @Override
        public void endOfInput() {
        }
    };
}
