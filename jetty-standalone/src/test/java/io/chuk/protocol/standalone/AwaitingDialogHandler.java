package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.TelnetHandler;

import java.util.concurrent.atomic.AtomicInteger;

/** A straight-line dialog: each session's welcome blocks in {@code await} until its user answers. */
public class AwaitingDialogHandler extends TelnetHandler {

    /** Sessions waiting for their first answer right now. */
    static final AtomicInteger WAITING = new AtomicInteger();

    @Override
    public void sendWelcome() throws Exception {
        WAITING.incrementAndGet();
        String name;
        try {
            name = await(ask("Name? "));
        } finally {
            WAITING.decrementAndGet();
        }
        String colour = await(ask("Colour? "));
        sendLine("Hello " + name + ", you like " + colour);
        showPrompt();
    }
}
