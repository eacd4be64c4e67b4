package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Blocks on every line until the test opens {@link #gate}, like a handler waiting on a slow database. */
public class BlockingHandler extends LineHandler {

    static volatile CountDownLatch gate = new CountDownLatch(1);
    /** Callbacks blocked right now. */
    static final AtomicInteger BLOCKED = new AtomicInteger();

    @Override
    public void sendWelcome() {
        sendLine("ready");
    }

    @Override
    public void processLine(String line) throws InterruptedException {
        BLOCKED.incrementAndGet();
        try {
            gate.await();
        } finally {
            BLOCKED.decrementAndGet();
        }
        sendLine("Done: " + line);
    }
}
