package io.chuk.protocol.standalone;

import io.chuk.protocol.handlers.TelnetHandler;

/** Says its own goodbye when the server stops. */
public class CustomGoodbyeHandler extends TelnetHandler {
    @Override
    public String onServerShutdown() {
        return "Maintenance: back in 5 minutes. Goodbye " + session().transport() + "!";
    }
}
