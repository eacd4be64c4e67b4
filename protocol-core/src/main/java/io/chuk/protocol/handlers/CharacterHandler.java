package io.chuk.protocol.handlers;

import io.chuk.protocol.line.Utf8StreamDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A handler that receives input one character at a time.
 *
 * <p>{@link #processCharacter(char)} sees every character; its default,
 * {@link #defaultProcessCharacter(char)}, gives the usual terminal behaviour: echo when the
 * server echoes, backspace/DEL erase, Enter (CR, LF, CR LF or CR NUL, each once) submits the
 * line to {@link #onCommandSubmitted(String)}, Ctrl-C ends the session. Input is decoded as
 * UTF-8 across reads.
 */
public abstract class CharacterHandler extends BaseHandler {

    /** The prompt {@link #showPrompt()} sends by default. */
    public static final String PROMPT = "> ";

    /** Words that end the session when typed as a whole line (any case). */
    protected static final Set<String> QUIT_WORDS = Set.of("quit", "exit", "q");

    private static final byte[] ERASE = {0x08, ' ', 0x08};
    private static final byte[] NEWLINE = {'\r', '\n'};

    private final Utf8StreamDecoder decoder = new Utf8StreamDecoder();
    private final StringBuilder currentCommand = new StringBuilder();
    private boolean afterCr;

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

    /** The standard terminal behaviour for one character (see the class comment). */
    public void defaultProcessCharacter(char c) throws Exception {
        boolean wasAfterCr = afterCr;
        afterCr = c == '\r';
        if (wasAfterCr && (c == '\n' || c == '\0')) {
            return; // second half of CR LF / CR NUL: the Enter was already handled
        }
        switch (c) {
            case '\r', '\n' -> handleEnter();
            case 0x08, 0x7F -> handleBackspace();
            case 0x03 -> {
                sendRaw("^C\r\n".getBytes(StandardCharsets.US_ASCII));
                endSession("Closing connection.");
            }
            default -> {
                if (c >= 0x20 || c == '\t') {
                    addToCommand(c);
                }
            }
        }
    }

    /** Enter: submits the current line. */
    protected void handleEnter() throws Exception {
        if (context().serverEchoes()) {
            sendRaw(NEWLINE);
        }
        String command = currentCommand.toString().trim();
        currentCommand.setLength(0);
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

    /** Backspace/DEL: removes the last character, erasing it on the screen. */
    protected void handleBackspace() {
        if (currentCommand.length() == 0) {
            return;
        }
        int last = currentCommand.length() - 1;
        int remove = last > 0 && Character.isLowSurrogate(currentCommand.charAt(last))
                && Character.isHighSurrogate(currentCommand.charAt(last - 1)) ? 2 : 1;
        currentCommand.setLength(currentCommand.length() - remove);
        if (context().serverEchoes()) {
            sendRaw(ERASE);
        }
    }

    /** Appends a character to the line being typed, echoing it when the server echoes. */
    protected void addToCommand(char c) {
        int length = currentCommand.length();
        if (Character.isLowSurrogate(c) && (length == 0 || !Character.isHighSurrogate(currentCommand.charAt(length - 1)))) {
            return; // the first half of this character was not kept (line full), so neither is this half
        }
        int room = Character.isHighSurrogate(c) ? 2 : 1; // keep a surrogate pair whole or not at all
        if (length + room > config().maxLineLength() && !Character.isLowSurrogate(c)) {
            return; // bounded: further keystrokes on an over-long line are ignored
        }
        currentCommand.append(c);
        if (context().serverEchoes() && !Character.isHighSurrogate(c)) {
            int start = Character.isLowSurrogate(c) && currentCommand.length() > 1 ? currentCommand.length() - 2
                    : currentCommand.length() - 1;
            sendRaw(currentCommand.substring(start).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The line typed so far (not yet submitted). */
    protected String currentCommand() {
        return currentCommand.toString();
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
}
