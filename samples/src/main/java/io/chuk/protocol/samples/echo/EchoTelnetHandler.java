package io.chuk.protocol.samples.echo;

import io.chuk.protocol.handlers.NonBlocking;
import io.chuk.protocol.handlers.TelnetHandler;
import jakarta.enterprise.context.Dependent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The echo sample: answers every line {@code L} with {@code Echo: L}, {@code help} with the
 * command list, {@code info} with what the server knows of the connection, and
 * {@code quit}/{@code exit}/{@code q} with {@code Goodbye!} and a close. Behaves the same on
 * every transport. It never blocks, so it runs on the thread that read its input.
 */
@Dependent
@NonBlocking
public class EchoTelnetHandler extends TelnetHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.samples.echo");

    @Override
    public void sendWelcome() throws Exception {
        String welcome = welcomeMessage();
        sendLine(welcome != null ? welcome : "Welcome to the Echo Server!");
        sendLine("-------------------------");
        sendLine("Type 'help' for available commands.");
        sendLine("Type 'quit' to disconnect.");
        showPrompt();
    }

    @Override
    public void onCommandSubmitted(String command) throws Exception {
        LOG.debug("Received command from {}: {}", session().remoteAddress(), command);
        switch (command.toLowerCase(Locale.ROOT)) {
            case "help" -> showHelp();
            case "info" -> showInfo();
            default -> sendLine("Echo: " + command);
        }
    }

    private void showHelp() {
        sendLine("Echo Server Help");
        sendLine("----------------");
        sendLine("Available commands:");
        sendLine("  help  - Show this help message");
        sendLine("  info  - Show connection information");
        sendLine("  quit  - Disconnect from the server");
        sendLine("");
        sendLine("Any other input will be echoed back to you.");
    }

    private void showInfo() {
        InetSocketAddress address = session().remoteAddress();
        sendLine("Connection Information");
        sendLine("---------------------");
        sendLine("Transport: " + session().transport());
        sendLine("Connected from: " + address.getHostString() + ":" + address.getPort());
        sendLine("Session: " + session().id());
        session().terminal().ifPresent(terminal -> {
            boolean echoing = context().serverEchoes();
            sendLine("Line mode: " + (echoing ? "Disabled" : "Enabled"));
            sendLine("Terminal type: " + (terminal.terminalType() != null ? terminal.terminalType() : "unknown"));
            sendLine("Window size: " + terminal.width() + "x" + terminal.height());
            sendLine("Echo option: " + (echoing ? "Enabled" : "Disabled"));
        });
    }
}
