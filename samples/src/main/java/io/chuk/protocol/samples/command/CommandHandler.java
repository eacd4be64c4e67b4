package io.chuk.protocol.samples.command;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The original README's command processor: {@code help}, {@code status}, {@code uptime},
 * {@code quit}/{@code exit}; anything else is {@code Unknown command: <cmd>}. Its uptime comes
 * from an injected application bean, showing CDI injection into handlers.
 */
@Dependent
public class CommandHandler extends LineHandler {

    private interface Command {
        void run(String args);
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();

    @Inject
    ServerClock clock;

    public CommandHandler() {
        commands.put("help", args -> sendLine("Available commands: help, status, uptime, quit"));
        commands.put("status", args -> sendLine("Server status: OK"));
        commands.put("uptime", args -> sendLine("Server uptime: " + describe(clock.uptime())));
    }

    @Override
    public void sendWelcome() throws Exception {
        String welcome = welcomeMessage();
        sendLine(welcome != null ? welcome : "Welcome to the Command Server! Type 'help' for commands.");
        showPrompt();
    }

    @Override
    public void processLine(String line) throws Exception {
        if (line.isBlank()) {
            showPrompt();
            return;
        }
        String[] parts = line.trim().split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1] : "";
        if (name.equals("quit") || name.equals("exit")) {
            endSession("Goodbye!");
            return;
        }
        Command command = commands.get(name);
        if (command != null) {
            command.run(args);
        } else {
            sendLine("Unknown command: " + name);
        }
        showPrompt();
    }

    private static String describe(Duration uptime) {
        long days = uptime.toDays();
        long hours = uptime.toHoursPart();
        long minutes = uptime.toMinutesPart();
        long seconds = uptime.toSecondsPart();
        return days + " days, " + hours + " hours, " + minutes + " minutes, " + seconds + " seconds";
    }
}
