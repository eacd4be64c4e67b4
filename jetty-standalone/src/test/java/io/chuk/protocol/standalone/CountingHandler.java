package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A CDI bean handler: answers {@code count} with the shared counter's next value. */
@Dependent
public class CountingHandler extends LineHandler {
    @Inject
    VisitCounter counter;

    @Override
    public void onCommandSubmitted(String command) {
        sendLine(command.equals("count") ? "visit " + counter.next() : "unknown " + command);
    }
}
