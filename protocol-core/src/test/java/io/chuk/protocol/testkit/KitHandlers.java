package io.chuk.protocol.testkit;

import io.chuk.protocol.api.InputTimeoutException;
import io.chuk.protocol.handlers.TelnetHandler;

import java.time.Duration;

/** The handlers the kit's tests drive; public with a public constructor, as the server needs. */
final class KitHandlers {

    private KitHandlers() {
    }

    /**
     * Echoes commands ({@code Echo: ...}) and reports window sizes; a few commands start dialogs:
     * {@code name} asks, {@code quick} asks with a 5 s timeout, {@code login} asks for a secret,
     * {@code wizard} asks twice in straight-line code through {@code await}, {@code bye} ends the
     * session, {@code say ...} tells every other session through the directory.
     */
    public static class Dialogs extends TelnetHandler {

        @Override
        public void onWindowSize(int width, int height) {
            sendLine("window " + width + "x" + height);
        }

        @Override
        public void processLine(String line) throws Exception {
            switch (line) {
                case "name" -> ask("Name: ").thenAccept(name -> answer("Hello, " + name));
                case "quick" -> ask("Quick: ", Duration.ofSeconds(5)).whenComplete((value, error) ->
                        answer(error instanceof InputTimeoutException timeout
                                ? "timed out after " + timeout.timeout().toSeconds() + " s" : "quick " + value));
                case "login" -> askSecret("Password: ").thenAccept(secret -> answer(secret.length() + " characters"));
                case "wizard" -> {
                    String first = await(ask("First: "));
                    String second = await(ask("Second: "));
                    answer(first + "+" + second);
                }
                case "bye" -> endSession("Bye!");
                default -> {
                    if (line.startsWith("say ")) {
                        int told = directory().broadcastExcept(session().id(), "chat: " + line.substring(4));
                        answer("told " + told);
                    } else {
                        super.processLine(line);
                    }
                }
            }
        }

        private void answer(String line) {
            sendLine(line);
            sendPromptText(PROMPT);
        }
    }

    /** A handler the server cannot create: its constructor is not public. */
    public static class Hidden extends TelnetHandler {
        Hidden() {
        }
    }
}
