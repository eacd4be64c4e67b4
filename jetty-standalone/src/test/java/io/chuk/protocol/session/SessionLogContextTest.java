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
        SessionLogContext context = new SessionLogContext("s-1");
        String previous = context.enter();
        assertEquals("s-1", MDC.get(SessionLogContext.KEY));
        context.restore(previous);
        assertNull(MDC.get(SessionLogContext.KEY));
    }

    @Test
    void nestedCallbackGivesTheOuterSessionBack() {
        SessionLogContext outer = new SessionLogContext("outer");
        SessionLogContext inner = new SessionLogContext("inner");
        MDC.put("request", "r-9"); // a container thread's own context survives both
        String beforeOuter = outer.enter();
        String beforeInner = inner.enter();
        assertEquals("inner", MDC.get(SessionLogContext.KEY));
        inner.restore(beforeInner);
        assertEquals("outer", MDC.get(SessionLogContext.KEY));
        outer.restore(beforeOuter);
        assertNull(MDC.get(SessionLogContext.KEY));
        assertEquals("r-9", MDC.get("request"));
    }
}
