package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.TelnetHandler;

/** Throws on {@code boom} and blocks on {@code block}, to check one bad session does not disturb others. */
public class FailingHandler extends TelnetHandler {
    /** Released by the test that blocked a handler. */
    static final java.util.concurrent.CountDownLatch UNBLOCK = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void onCommandSubmitted(String command) throws Exception {
        if (command.equals("boom")) {
            throw new IllegalStateException("handler failure on purpose");
        }
        if (command.equals("block")) {
            UNBLOCK.await(); // a handler stuck in a long call
        }
        super.onCommandSubmitted(command);
    }
}
