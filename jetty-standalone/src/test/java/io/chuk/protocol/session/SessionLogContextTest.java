package io.chuk.protocol.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Runs where Logback is the logging backend, as in the standalone server (the engine tests log without an MDC). */
class SessionLogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void callbackCarriesTheSessionAndLeavesNothingBehind() {
        String previous = SessionLogContext.enter("s-1");
        assertEquals("s-1", MDC.get(SessionLogContext.KEY));
        SessionLogContext.restore(previous);
        assertNull(MDC.get(SessionLogContext.KEY));
    }

    @Test
    void nestedCallbackGivesTheOuterSessionBack() {
        MDC.put("request", "r-9"); // a container thread's own context survives both
        String beforeOuter = SessionLogContext.enter("outer");
        String beforeInner = SessionLogContext.enter("inner");
        assertEquals("inner", MDC.get(SessionLogContext.KEY));
        SessionLogContext.restore(beforeInner);
        assertEquals("outer", MDC.get(SessionLogContext.KEY));
        SessionLogContext.restore(beforeOuter);
        assertNull(MDC.get(SessionLogContext.KEY));
        assertEquals("r-9", MDC.get("request"));
    }
}
