package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.inject.Inject;

/** Not a CDI bean (no bean-defining annotation), yet its {@code @Inject} field is filled. */
public class PlainInjectedHandler extends LineHandler {
    @Inject
    VisitCounter counter;

    @Override
    public void onCommandSubmitted(String command) {
        sendLine("plain visit " + counter.next());
    }
}
