package io.chuk.protocol.handlers;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseHandlerTest {

    /** The smallest handler: records the raw input it gets. */
    public static class RawHandler extends BaseHandler {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        @Override
        public void processData(byte[] data) {
            received.writeBytes(data);
        }
    }

    @Test
    void attachTwiceThrows() {
        RawHandler handler = new RawHandler();
        handler.attach(FakeHandlerContext.forHandler(RawHandler.class, false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> handler.attach(FakeHandlerContext.forHandler(RawHandler.class, false)));
        assertTrue(e.getMessage().contains("already attached"), e.getMessage());
    }

    @Test
    void attachNullThrows() {
        assertThrows(NullPointerException.class, () -> new RawHandler().attach(null));
    }

    @Test
    void unattachedHandlerRefusesToUseItsContext() {
        RawHandler handler = new RawHandler();
        assertThrows(IllegalStateException.class, handler::session);
        assertThrows(IllegalStateException.class, handler::config);
        assertThrows(IllegalStateException.class, () -> handler.sendLine("x"));
        assertFalse(handler.isSessionEnded());
    }

    @Test
    void sessionAndConfigComeFromTheContext() {
        FakeHandlerContext context = FakeHandlerContext.forHandler(RawHandler.class, false);
        RawHandler handler = new RawHandler();
        handler.attach(context);
        assertSame(context.session(), handler.session());
        assertSame(context.config(), handler.config());
    }

    @Test
    void endSessionTwiceSendsOneMessageAndClosesOnce() {
        FakeHandlerContext context = FakeHandlerContext.forHandler(RawHandler.class, false);
        RawHandler handler = new RawHandler();
        handler.attach(context);
        handler.endSession("Bye");
        handler.endSession("Bye again");
        assertEquals(List.of("LINE:Bye", "CLOSE"), context.events());
        assertEquals(1, context.closeCount());
        assertTrue(handler.isSessionEnded());
    }

    @Test
    void endSessionWithoutMessageOnlyCloses() {
        FakeHandlerContext context = FakeHandlerContext.forHandler(RawHandler.class, false);
        RawHandler handler = new RawHandler();
        handler.attach(context);
        handler.endSession(null);
        assertEquals(List.of("CLOSE"), context.events());
    }

    @Test
    void sessionClosedElsewhereCountsAsEnded() {
        FakeHandlerContext context = FakeHandlerContext.forHandler(RawHandler.class, false);
        RawHandler handler = new RawHandler();
        handler.attach(context);
        assertFalse(handler.isSessionEnded());
        context.close();
        assertTrue(handler.isSessionEnded());
    }

    @Test
    void defaultProcessMessageIsTheTextFollowedByCrLf() throws Exception {
        RawHandler handler = new RawHandler();
        handler.attach(FakeHandlerContext.forHandler(RawHandler.class, false));
        handler.processMessage("héllo");
        assertEquals("héllo\r\n", handler.received.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultWelcomeSendsTheConfiguredMessage() throws Exception {
        FakeHandlerContext context = FakeHandlerContext.withWelcome(RawHandler.class, "Welcome!");
        RawHandler handler = new RawHandler();
        handler.attach(context);
        handler.sendWelcome();
        assertEquals(List.of("LINE:Welcome!"), context.events());
    }

    @Test
    void defaultWelcomeSendsNothingWhenUnsetOrEmpty() throws Exception {
        for (String welcome : new String[]{null, ""}) {
            FakeHandlerContext context = FakeHandlerContext.withWelcome(RawHandler.class, welcome);
            RawHandler handler = new RawHandler();
            handler.attach(context);
            handler.sendWelcome();
            assertEquals(List.of(), context.events(), "welcome " + welcome);
        }
    }

    @Test
    void sendRawAndSendLineGoToTheContext() {
        FakeHandlerContext context = FakeHandlerContext.forHandler(RawHandler.class, false);
        RawHandler handler = new RawHandler();
        handler.attach(context);
        handler.sendLine("text");
        handler.sendRaw(new byte[]{'o', 'k'});
        assertEquals(List.of("LINE:text", "RAW:ok"), context.events());
    }
}
