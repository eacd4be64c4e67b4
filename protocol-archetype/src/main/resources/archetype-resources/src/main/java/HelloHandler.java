package ${package};

import io.chuk.protocol.handlers.NonBlocking;
import io.chuk.protocol.handlers.TelnetHandler;
import jakarta.enterprise.context.Dependent;

/**
 * Greets every line {@code L} with {@code Hello, L!}; {@code quit}, {@code exit} or {@code q} ends
 * the session with {@code Goodbye!}. The same code runs on telnet, tcp and websocket.
 * {@link NonBlocking}: it never waits, so it answers on the thread that read the line.
 */
@Dependent
@NonBlocking
public class HelloHandler extends TelnetHandler {

    @Override
    public void sendWelcome() throws Exception {
        String welcome = welcomeMessage();
        sendLine(welcome != null ? welcome : "Welcome to ${artifactId}!");
        sendLine("Type a line, or 'quit' to leave.");
        showPrompt();
    }

    @Override
    public void onCommandSubmitted(String command) throws Exception {
        sendLine("Hello, " + command + "!");
    }
}
