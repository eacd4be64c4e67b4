package io.chuk.protocol.handlers;

import io.chuk.protocol.line.LineEditor;
import io.chuk.protocol.line.Utf8StreamDecoder;

import java.util.Locale;
import java.util.Set;

/**
 * A handler that receives input one character at a time.
 *
 * <p>{@link #processCharacter(char)} sees every character; its default,
 * {@link #defaultProcessCharacter(char)}, is server-side line editing as a person expects it
 * (see {@link LineEditor}): echo when the server echoes, backspace/DEL, Ctrl-U, Ctrl-W, history on
 * Up/Down, Enter (CR, LF, CR LF or CR NUL, each once) submitting the line, Ctrl-C ending the
 * session, Ctrl-D on an empty line ending it too. Input is decoded as UTF-8 across reads.
 */
public abstract class CharacterHandler extends BaseHandler {

    /** The prompt {@link #showPrompt()} sends by default. */
    public static final String PROMPT = "> ";

    /** Words that end the session when typed as a whole line (any case). */
    protected static final Set<String> QUIT_WORDS = Set.of("quit", "exit", "q");

    /** How many entered lines Up/Down can recall. */
    static final int HISTORY_SIZE = 50;

    private final Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    private LineEditor editor;
    private Exception pending;

    private final LineEditor.Listener editorOutput = new LineEditor.Listener() {
        @Override
        public void echo(String text) {
            if (context().serverEchoes()) {
                sendRaw(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        @Override
        public void line(String line) {
            deliver(() -> onLineEntered(line));
        }

        @Override
        public void interrupt() {
            endSession("^C - Closing connection.");
        }

        @Override
        public void endOfInput() {
            endSession("Goodbye!");
        }
    };

    @Override
    public void processData(byte[] data) throws Exception {
        String text = decoder.decode(data, 0, data.length);
        for (int i = 0; i < text.length() && !isSessionEnded(); i++) {
            processCharacter(text.charAt(i));
        }
    }

    @Override
    public void processMessage(String text) throws Exception {
        for (int i = 0; i < text.length() && !isSessionEnded(); i++) {
            processCharacter(text.charAt(i));
        }
        if (!isSessionEnded()) {
            processCharacter('\r');
        }
    }

    /** Handles one typed character; override to take over keystroke handling. */
    public void processCharacter(char c) throws Exception {
        defaultProcessCharacter(c);
    }

    /** The standard line-editing behaviour for one character (see the class comment). */
    public void defaultProcessCharacter(char c) throws Exception {
        if (editor == null) {
            editor = new LineEditor(config().maxLineLength(), HISTORY_SIZE);
        }
        editor.feed(c, editorOutput);
        rethrowPending();
    }

    /**
     * A line was entered. The default ends the session on {@code quit}/{@code exit}/{@code q}
     * (any case, surrounding spaces ignored) with {@code Goodbye!}, passes other non-blank lines
     * to {@link #onCommandSubmitted(String)}, then shows the prompt.
     */
    protected void onLineEntered(String line) throws Exception {
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

    /** The line typed so far (not yet submitted). */
    protected String currentCommand() {
        return editor == null ? "" : editor.currentLine();
    }

    /** A complete, non-empty command line. The default answers {@code You entered: <command>}. */
    public void onCommandSubmitted(String command) throws Exception {
        sendLine("You entered: " + command);
    }

    /** Sends the prompt ({@code "> "}); skipped on the message-framed {@code websocket} transport. */
    public void showPrompt() throws Exception {
        context().sendPrompt(PROMPT);
    }

    /** The configured welcome message (if any), then the prompt. */
    @Override
    public void sendWelcome() throws Exception {
        super.sendWelcome();
        showPrompt();
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs a callback from inside a pure-code listener (which cannot throw): the first failure is
     * kept, later lines of the same input are dropped, and {@link #rethrowPending()} reports it.
     */
    final void deliver(Step step) {
        if (pending != null || isSessionEnded()) {
            return;
        }
        try {
            step.run();
        } catch (Exception e) {
            pending = e;
        }
    }

    final void rethrowPending() throws Exception {
        if (pending != null) {
            Exception e = pending;
            pending = null;
            throw e;
        }
    }
}
