package io.chuk.protocol.war;

import io.chuk.protocol.handlers.LineHandler;

/**
 * The test's window into {@link BlockingHandler}, over its own WebSocket session: {@code paused?}
 * and {@code open?} tell the flooded session's state, {@code open} lets its handler go on.
 */
public class GateHandler extends LineHandler {

    @Override
    public void processLine(String line) {
        switch (line) {
            case "paused?" -> sendLine("paused: " + BlockingHandler.floodedSessionPaused());
            case "open?" -> sendLine("open: " + BlockingHandler.floodedSessionOpen());
            case "open" -> {
                BlockingHandler.openGate();
                sendLine("opened");
            }
            default -> sendLine("unknown: " + line);
        }
    }
}
