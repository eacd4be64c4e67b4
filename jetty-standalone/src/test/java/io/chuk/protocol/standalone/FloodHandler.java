package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;

/** Answers {@code flood} with megabytes of output, to check a client that does not read is cut off. */
public class FloodHandler extends LineHandler {
    @Override
    public void onCommandSubmitted(String command) {
        if (command.equals("flood")) {
            String line = "x".repeat(1024);
            for (int i = 0; i < 20_000 && session().isOpen(); i++) {
                sendLine(line);
            }
        }
    }
}
