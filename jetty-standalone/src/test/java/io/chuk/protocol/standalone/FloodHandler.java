package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;

/**
 * Answers {@code flood} with 20 MB of output ({@code flood N}: N lines of 1 KiB), to check what
 * happens to a client that does not read.
 */
public class FloodHandler extends LineHandler {
    @Override
    public void onCommandSubmitted(String command) {
        if (command.startsWith("flood")) {
            int lines = command.length() > 6 ? Integer.parseInt(command.substring(6).trim()) : 20_000;
            String line = "x".repeat(1022);
            for (int i = 0; i < lines && session().isOpen(); i++) {
                sendLine(line);
            }
        }
    }
}
