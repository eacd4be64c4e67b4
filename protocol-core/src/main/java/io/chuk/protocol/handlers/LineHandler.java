package io.chuk.protocol.handlers;

import io.chuk.protocol.line.LineAssembler;

import java.util.Locale;

/**
 * A handler that receives whole lines: override {@link #processLine(String)}, or just
 * {@link #onCommandSubmitted(String)} and keep the default quit words and prompt.
 *
 * <p>On byte-stream transports CR LF, CR NUL, bare CR and bare LF each end one line, and
 * backspace/DEL erase; on {@code websocket} every text frame is a line (a frame with newlines is
 * several). Lines longer than {@code max_line_length} bytes are refused with a message, never
 * buffered without bound.
 */
public abstract class LineHandler extends CharacterHandler {

    private LineAssembler assembler;

    private final LineAssembler.Listener lines = new LineAssembler.Listener() {
        @Override
        public void line(String line) {
            deliverLine(line);
        }

        @Override
        public void lineTooLong(int limit) {
            onLineTooLong(limit);
        }
    };

    private Exception pending;

    @Override
    public void processData(byte[] data) throws Exception {
        assembler().feed(data, lines);
        rethrowPending();
    }

    @Override
    public void processMessage(String text) throws Exception {
        // A frame is a line; newlines inside split it. A trailing newline adds no empty line.
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (isSessionEnded()) {
                return;
            }
            if (utf8Length(line) > config().maxLineLength()) {
                onLineTooLong(config().maxLineLength());
            } else {
                processLine(line);
            }
        }
    }

    @Override
    public void onEndOfInput() throws Exception {
        assembler().finish(lines);
        rethrowPending();
    }

    /**
     * One line of input, without its line ending. The default ends the session on
     * {@code quit}/{@code exit}/{@code q} (any case) with {@code Goodbye!}, passes other non-blank
     * lines to {@link #onCommandSubmitted(String)}, then shows the prompt.
     */
    public void processLine(String line) throws Exception {
        String command = line.trim();
        if (QUIT_WORDS.contains(command.toLowerCase(Locale.ROOT))) {
            endSession("Goodbye!");
            return;
        }
        if (!command.isEmpty()) {
            onCommandSubmitted(command);
        }
        if (!isSessionEnded()) {
            showPrompt();
        }
    }

    /** A line exceeded {@code max_line_length}; the default tells the client and keeps the session. */
    protected void onLineTooLong(int limit) {
        sendLine("Line too long (limit " + limit + " bytes); it was discarded.");
    }

    @Override
    public void processCharacter(char c) {
        throw new UnsupportedOperationException("LineHandler receives lines; override processLine");
    }

    private void deliverLine(String line) {
        if (pending != null || isSessionEnded()) {
            return;
        }
        try {
            processLine(line);
        } catch (Exception e) {
            pending = e;
        }
    }

    private void rethrowPending() throws Exception {
        if (pending != null) {
            Exception e = pending;
            pending = null;
            throw e;
        }
    }

    private LineAssembler assembler() {
        if (assembler == null) {
            assembler = new LineAssembler(config().maxLineLength());
        }
        return assembler;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
