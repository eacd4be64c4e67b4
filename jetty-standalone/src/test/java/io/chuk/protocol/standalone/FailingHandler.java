package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.TelnetHandler;

/** Throws on {@code boom}, to check one failing session does not disturb others. */
public class FailingHandler extends TelnetHandler {
    @Override
    public void onCommandSubmitted(String command) throws Exception {
        if (command.equals("boom")) {
            throw new IllegalStateException("handler failure on purpose");
        }
        super.onCommandSubmitted(command);
    }
}
