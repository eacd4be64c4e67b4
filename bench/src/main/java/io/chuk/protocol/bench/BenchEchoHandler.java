package io.chuk.protocol.bench;

import io.chuk.protocol.handlers.LineHandler;

/**
 * The handler our server runs in the benchmark: "ready" on connect, then {@code Echo: <line>} for
 * every line, with no prompt and no quit words. Not a CDI bean, so the server creates it as an
 * unmanaged instance (one per session), like any plain handler class.
 */
@io.chuk.protocol.handlers.NonBlocking
public class BenchEchoHandler extends LineHandler {

    @Override
    public void sendWelcome() {
        sendLine("ready");
    }

    @Override
    public void processLine(String line) {
        sendLine("Echo: " + line);
    }
}
