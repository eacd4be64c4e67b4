package io.chuk.protocol.war;

import io.chuk.protocol.directory.LocalSessionDirectory;
import io.chuk.protocol.handlers.LineHandler;
import io.chuk.protocol.session.ProtocolSession;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks on every line until {@link GateHandler} opens the gate, like a handler waiting on a slow
 * database. Part of the test archive only: the test cannot reach these statics from outside the
 * webapp's class loader, so a second WebSocket session asks for them through {@link GateHandler}.
 */
public class BlockingHandler extends LineHandler {

    private static final CountDownLatch GATE = new CountDownLatch(1);
    /** The session that connected last; the test floods exactly one. */
    private static volatile ProtocolSession flooded;

    static void openGate() {
        GATE.countDown();
    }

    /** Whether the flooded session has stopped reading from its client; false before it connected. */
    static boolean floodedSessionPaused() {
        ProtocolSession session = flooded;
        return session != null && session.inputPaused();
    }

    /** Whether the flooded session is still open; false before it connected. */
    static boolean floodedSessionOpen() {
        ProtocolSession session = flooded;
        return session != null && session.isOpen();
    }

    @Override
    public void sendWelcome() {
        // Handlers see only the public Session; the engine's side of it tells the flow-control state.
        flooded = LocalSessionDirectory.instance().live(session().id()).orElseThrow();
        sendLine("ready");
    }

    @Override
    public void processLine(String line) throws InterruptedException {
        GATE.await();
        sendLine("Done: " + line);
    }
}
