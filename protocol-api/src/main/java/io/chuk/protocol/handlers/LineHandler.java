package io.chuk.protocol.handlers;

import io.chuk.protocol.line.LineAssembler;

import java.nio.charset.StandardCharsets;

/**
 * A handler that receives whole lines: override {@link #processLine(String)}, or just
 * {@link #onCommandSubmitted(String)} and keep the default quit words and prompt.
 *
 * <p>On byte-stream transports CR LF, CR NUL, bare CR and bare LF each end one line, and
 * backspace/DEL erase; when the server echoes (telnet character mode) the line is edited
 * server-side as in {@link CharacterHandler}. On {@code websocket} every text frame is a line (a
 * frame with newlines is several). Lines longer than {@code max_line_length} bytes are refused
 * with a message, never buffered without bound.
 */
public abstract class LineHandler extends CharacterHandler {

    /** What the telnet layer turns {@code IAC IP} into. */
    private static final byte INTERRUPT = 0x03;

    private static final java.util.regex.Pattern NEWLINE = java.util.regex.Pattern.compile("\r\n|\r|\n");

    private LineAssembler assembler;

    private final LineAssembler.Listener lines = new LineAssembler.Listener() {
        @Override
        public void line(String line) {
            deliver(() -> lineArrived(line));
        }

        @Override
        public void lineTooLong(int limit) {
            deliver(() -> onLineTooLong(limit));
        }
    };

    @Override
    public void processData(byte[] data) throws Exception {
        if (context().serverEchoes() || readWaitingFor(PendingRead.Kind.CHARACTER)) {
            super.processData(data); // character mode, or a character read: keystroke by keystroke
            return;
        }
        if (assembler == null) {
            assembler = new LineAssembler(config().maxLineLength());
        }
        int interrupt = session().transport().speaksTelnet() ? indexOf(data, INTERRUPT) : -1;
        assembler.feed(data, 0, interrupt < 0 ? data.length : interrupt, lines);
        rethrowPending();
        if (interrupt >= 0 && !isSessionEnded()) {
            // Telnet's Interrupt Process (Ctrl-C in a line-mode client) ends the session, as in character mode.
            endSession("^C - Closing connection.");
        }
    }

    @Override
    public void processMessage(String text) throws Exception {
        if (readWaitingFor(PendingRead.Kind.CHARACTER)) {
            // A message transport has no keystrokes: a character read takes the message's first one.
            pendingRead().complete(text.isEmpty() ? '\r' : text.charAt(0));
            return;
        }
        // A frame is a line; newlines inside split it. A trailing newline adds no empty line.
        String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.indexOf('\r') < 0 && body.indexOf('\n') < 0 ? new String[] {body} : NEWLINE.split(body, -1);
        int maxLength = config().maxLineLength();
        for (String line : lines) {
            if (isSessionEnded()) {
                return;
            }
            // A char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4): short lines need no encoding.
            if (line.length() > maxLength / 3 && line.getBytes(StandardCharsets.UTF_8).length > maxLength) {
                onLineTooLong(maxLength);
            } else {
                lineArrived(line);
            }
        }
    }

    @Override
    public void onEndOfInput() throws Exception {
        if (assembler != null) {
            assembler.finish(lines);
            rethrowPending();
        }
    }

    @Override
    protected void onLineEntered(String line) throws Exception {
        processLine(line);
    }

    /**
     * One line of input, without its line ending. The default ends the session on
     * {@code quit}/{@code exit}/{@code q} (any case) with {@code Goodbye!}, passes other non-blank
     * lines to {@link #onCommandSubmitted(String)}, then shows the prompt.
     */
    public void processLine(String line) throws Exception {
        super.onLineEntered(line);
    }

    private static int indexOf(byte[] data, byte wanted) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A line exceeded {@code max_line_length}; the default tells the client and keeps the session. */
    protected void onLineTooLong(int limit) {
        sendLine("Line too long (limit " + limit + " bytes); it was discarded.");
    }
}
