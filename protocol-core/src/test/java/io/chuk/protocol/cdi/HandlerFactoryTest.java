package io.chuk.protocol.cdi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HandlerFactory#reflective()} and {@link HandlerFactory#detect()} without a CDI container. */
class HandlerFactoryTest {

    /** A handler without a public no-argument constructor. */
    public static class NeedsArgumentHandler extends io.chuk.protocol.handlers.LineHandler {
        public NeedsArgumentHandler(String argument) {
        }
    }

    @Test
    void reflectiveCreatesPlainInstancesWithoutInjection() throws Exception {
        HandlerFactory.Created created = HandlerFactory.reflective().create(PlainInjectedHandler.class);
        PlainInjectedHandler handler = assertInstanceOf(PlainInjectedHandler.class, created.handler());
        assertSame(PlainInjectedHandler.class, handler.getClass());
        assertNull(handler.counter, "no injection");
        assertFalse(handler.postConstructed, "no @PostConstruct");
        created.release();
        assertFalse(handler.preDestroyed, "no @PreDestroy");
    }

    @Test
    void reflectiveCreatesANewInstanceEachTime() throws Exception {
        HandlerFactory factory = HandlerFactory.reflective();
        assertNotSame(factory.create(DependentHandler.class).handler(), factory.create(DependentHandler.class).handler());
    }

    @Test
    void reflectiveFailsForAHandlerWithoutANoArgumentConstructor() {
        assertThrows(NoSuchMethodException.class, () -> HandlerFactory.reflective().create(NeedsArgumentHandler.class));
    }

    @Test
    void withoutAContainerCdiIsUnavailableAndDetectFallsBackToReflective() throws Exception {
        assertTrue(CdiHandlerFactory.ifAvailable().isEmpty());
        HandlerFactory detected = HandlerFactory.detect();
        assertFalse(detected instanceof CdiHandlerFactory);
        PlainInjectedHandler handler = (PlainInjectedHandler) detected.create(PlainInjectedHandler.class).handler();
        assertNull(handler.counter);
    }
}
