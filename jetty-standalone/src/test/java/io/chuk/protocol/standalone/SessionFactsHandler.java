package io.chuk.protocol.standalone;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.api.TelnetOptions;
import io.chuk.protocol.handlers.LineHandler;

/**
 * Reports what the handler API tells it about its session, and drives telnet control on
 * command: {@code ga}, {@code eor} (offer EOR, then send it when agreed), {@code linemode},
 * {@code charmode}.
 */
public class SessionFactsHandler extends LineHandler {

    @Override
    public void sendWelcome() {
        sendLine("local=" + session().localAddress().getPort());
        session().request().ifPresent(this::describe);
        sendLine("ready");
    }

    private void describe(RequestInfo request) {
        sendLine("path=" + request.path());
        sendLine("query=" + request.query());
        sendLine("token=" + request.parameter("token").orElse("-"));
        sendLine("header=" + request.header("x-chuk-test").orElse("-"));
        sendLine("peer-header-hidden=" + request.header("X-Chuk-Peer").isEmpty());
        sendLine("subprotocol=" + request.subprotocol());
    }

    @Override
    public void processLine(String line) {
        telnet().ifPresentOrElse(control -> {
            switch (line) {
                case "ga" -> control.sendGoAhead();
                case "eor" -> sendLine("eor sent=" + control.sendEndOfRecord());
                case "offer-eor" -> sendLine("offered=" + control.requestLocal(TelnetOptions.END_OF_RECORD, true));
                case "linemode" -> control.setCharacterMode(false);
                case "charmode" -> control.setCharacterMode(true);
                case "echo?" -> sendLine("echo=" + control.isEnabledLocally(TelnetOptions.ECHO));
                default -> sendLine("unknown " + line);
            }
        }, () -> sendLine("no telnet control on " + session().transport()));
    }
}
