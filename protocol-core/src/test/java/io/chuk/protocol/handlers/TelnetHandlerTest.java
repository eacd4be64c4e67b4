package io.chuk.protocol.handlers;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TelnetHandlerTest {

    public static class PlainTelnetHandler extends TelnetHandler {
    }

    private final FakeHandlerContext context = FakeHandlerContext.forHandler(PlainTelnetHandler.class, false);
    private final TelnetHandler handler = new PlainTelnetHandler();

    {
        handler.attach(context);
    }

    @Test
    void answersEchoThenPrompt() throws Exception {
        handler.processLine("x");
        assertEquals(List.of("LINE:Echo: x", "PROMPT:> "), context.events());
    }

    @Test
    void answersEachLineTypedOverTheWire() throws Exception {
        handler.processData("one\r\ntwo\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("LINE:Echo: one", "PROMPT:> ", "LINE:Echo: two", "PROMPT:> "), context.events());
    }

    @Test
    void answersAMessage() throws Exception {
        handler.processMessage("héllo");
        assertEquals(List.of("LINE:Echo: héllo", "PROMPT:> "), context.events());
    }

    @Test
    void quitStillEndsTheSession() throws Exception {
        handler.processLine("exit");
        assertEquals(List.of("LINE:Goodbye!", "CLOSE"), context.events());
    }
}
