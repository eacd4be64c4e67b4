package io.chuk.protocol.handlers;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.line.LineEditor;
import io.chuk.protocol.line.Utf8StreamDecoder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A handler that receives input one character at a time.
 *
 * <p>{@link #processCharacter(char)} sees every character; its default,
 * {@link #defaultProcessCharacter(char)}, is server-side line editing as a person expects it
 * (see {@link LineEditor}): echo when the server echoes, backspace/DEL, Ctrl-U, Ctrl-W, history on
 * Up/Down, Enter (CR, LF, CR LF or CR NUL, each once) submitting the line, Ctrl-C ending the
 * session, Ctrl-D on an empty line ending it too. Input is decoded as UTF-8 across reads.
 *
 * <p>Dialogs: {@link #ask(String)} sends a prompt and completes with the next line, which then
 * does not reach {@link #onLineEntered}; {@link #askSecret(String)} hides what is typed (on telnet
 * transports) while it waits. {@link #readLine(Duration)} and {@link #readCharacter(Duration)} are
 * the original's {@code read_line} and {@code read_character}. Only one of them may wait at a time.
 */
public abstract class CharacterHandler extends BaseHandler {

    /** The prompt {@link #showPrompt()} sends by default. */
    public static final String PROMPT = "> ";

    /** Words that end the session when typed as a whole line (any case). */
    protected static final Set<String> QUIT_WORDS = Set.of("quit", "exit", "q");

    /** How many entered lines Up/Down can recall. */
    static final int HISTORY_SIZE = 50;

    /** Made at the first character input: a line handler that never takes any pays nothing for it. */
    private Utf8StreamDecoder decoder;
    private LineEditor editor;
    private Exception pending;
    /** Lines that arrived with an awaited answer, held for the code that awaited. */
    /** Lines held while an awaited read's code runs on; made on first use, as few sessions await. */
    private java.util.ArrayDeque<String> typedAhead;
    private boolean holdingLines;
    /** The prompt on screen before what the user is typing, for redrawing after a notice. */
    private String promptOnScreen = "";

    private final LineEditor.Listener editorOutput = new LineEditor.Listener() {
        @Override
        public void echo(String text) {
            if (context().serverEchoes()) {
                sendRaw(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        @Override
        public void line(String line) {
            promptOnScreen = "";
            deliver(() -> lineArrived(line));
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
        if (decoder == null) {
            decoder = new Utf8StreamDecoder();
        }
        String text = decoder.decode(data, 0, data.length);
        for (int i = 0; i < text.length() && !isSessionEnded(); i++) {
            char c = text.charAt(i);
            characterTyped(c);
            if (c == '\r' && i + 1 < text.length() && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\0')) {
                // CR LF and CR NUL are one Enter. Skipped here rather than left to the editor, as a
                // callback that awaited input inside that Enter has fed the editor other keys since.
                i++;
            }
        }
    }

    @Override
    public void processMessage(String text) throws Exception {
        for (int i = 0; i < text.length() && !isSessionEnded(); i++) {
            characterTyped(text.charAt(i));
        }
        if (!isSessionEnded()) {
            characterTyped('\r');
        }
    }

    /** A waiting {@link #readCharacter} takes the character, else {@link #processCharacter} does. */
    private void characterTyped(char c) throws Exception {
        if (readWaitingFor(PendingRead.Kind.CHARACTER)) {
            pendingRead().complete(c);
        } else {
            processCharacter(c);
        }
    }

    // ---- dialogs ---------------------------------------------------------------------------

    /** Sends {@code prompt} and completes with the next line; no timeout but the session's end. */
    public final CompletionStage<String> ask(String prompt) {
        return ask(prompt, Duration.ZERO);
    }

    /**
     * Sends {@code prompt} and completes with the next line the user enters, or with
     * {@link io.chuk.protocol.api.InputTimeoutException} after {@code timeout} (zero = none), or
     * with {@link io.chuk.protocol.api.SessionClosedException} when the session ends first. On
     * {@code websocket} the prompt is sent as a message of its own.
     */
    public final CompletionStage<String> ask(String prompt, Duration timeout) {
        return question(prompt, timeout, false);
    }

    /** {@link #ask(String)} with what is typed hidden (a password); see {@link #askSecret(String, Duration)}. */
    public final CompletionStage<String> askSecret(String prompt) {
        return askSecret(prompt, Duration.ZERO);
    }

    /**
     * {@link #ask(String, Duration)} with input hidden while it waits: on {@code telnet} and
     * {@code ws_telnet} the characters typed never appear on the client's screen and the answer
     * is not kept in the Up/Down history; echo returns to what it was afterwards. On
     * {@code websocket} only a client that asked for hints can mask its input box; on {@code tcp}
     * nothing can be hidden.
     */
    public final CompletionStage<String> askSecret(String prompt, Duration timeout) {
        return question(prompt, timeout, true);
    }

    /** The next line the user enters, with the same endings as {@link #ask(String, Duration)} (the original's {@code read_line}). */
    public final CompletionStage<String> readLine(Duration timeout) {
        String ahead = takeTypedAhead();
        return ahead != null ? java.util.concurrent.CompletableFuture.completedFuture(ahead)
                : pendingRead().start(PendingRead.Kind.LINE, timeout, false);
    }

    /** The next character the user types (the original's {@code read_character}), with the same endings as {@link #ask(String, Duration)}. */
    public final CompletionStage<Character> readCharacter(Duration timeout) {
        return pendingRead().start(PendingRead.Kind.CHARACTER, timeout, false);
    }

    private CompletionStage<String> question(String prompt, Duration timeout, boolean secret) {
        String ahead = takeTypedAhead();
        CompletionStage<String> answer = ahead != null ? java.util.concurrent.CompletableFuture.completedFuture(ahead)
                : pendingRead().start(PendingRead.Kind.LINE, timeout, secret);
        if (ahead != null || !answer.toCompletableFuture().isDone()) { // not when refused at once
            if (session().transport() == Transport.WEBSOCKET) {
                sendLine(prompt);
            } else {
                sendPromptText(prompt);
            }
        }
        return answer;
    }

    /**
     * A line the user entered: a waiting read takes it, else {@link #onLineEntered} does. Lines
     * that arrive together with the answer to an {@code await}ed read (typed ahead, or pasted)
     * wait until the code that awaited runs on: its next read takes them, and the rest reach
     * {@link #onLineEntered} when its callback returns.
     */
    final void lineArrived(String line) throws Exception {
        if (holdingLines) {
            if (typedAhead == null) {
                typedAhead = new java.util.ArrayDeque<>(4);
            }
            typedAhead.add(line);
        } else if (readWaitingFor(PendingRead.Kind.LINE)) {
            pendingRead().complete(line);
            holdingLines = context().awaiting();
        } else {
            onLineEntered(line);
        }
    }

    @Override
    final String takeTypedAhead() {
        String line = typedAhead == null ? null : typedAhead.poll();
        holdingLines = typedAhead != null && !typedAhead.isEmpty();
        return line;
    }

    @Override
    final void releaseTypedAhead() throws Exception {
        holdingLines = false;
        while (typedAhead != null && !typedAhead.isEmpty() && !isSessionEnded()) {
            lineArrived(typedAhead.poll());
        }
    }

    /**
     * Shows a notice from another session above what the user is typing: in character mode the
     * half-typed line is cleared, the notice printed, and the prompt and line redrawn after it,
     * as readline does; otherwise the notice is sent as a line.
     */
    @Override
    public void onNotice(String line) throws Exception {
        if (!context().serverEchoes()) {
            sendLine(line);
            return;
        }
        sendRaw("\r\u001b[K".getBytes(StandardCharsets.US_ASCII));
        sendLine(line);
        String typed = context().inputHidden() ? "" : currentCommand();
        String redraw = promptOnScreen + typed;
        if (!redraw.isEmpty()) {
            context().sendPrompt(redraw);
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
        editor.setSecret(context().inputHidden());
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
        sendPromptText(PROMPT);
    }

    /**
     * Sends a prompt (no line ending; skipped on {@code websocket}) and remembers it, so a notice
     * arriving while the user types can redraw it.
     */
    protected final void sendPromptText(String prompt) {
        promptOnScreen = prompt;
        context().sendPrompt(prompt);
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
