package io.chuk.protocol.war.jetty;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A test handler that is a CDI bean with an injected application bean; part of the test archive only. */
@Dependent
public class GreeterHandler extends LineHandler {
    @Inject
    Greeter greeter;

    @Override
    public void onCommandSubmitted(String name) {
        sendLine(greeter.greet(name));
    }
}
