package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.BaseHandler;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CdiHandlerFactoryTest {

    private static WeldContainer container;
    private static HandlerFactory factory;

    @BeforeAll
    static void startContainer() {
        container = new Weld()
                .containerId("chuk-cdi-test")
                .disableDiscovery()
                .addBeanClasses(Counter.class, DependentHandler.class, DependentSubHandler.class, AppScopedHandler.class)
                .initialize();
        factory = new CdiHandlerFactory(container.getBeanManager());
    }

    @AfterAll
    static void stopContainer() {
        if (container != null) {
            container.shutdown();
        }
    }

    @BeforeEach
    void resetCounters() {
        DependentHandler.DESTROYED.set(0);
    }

    @Test
    void dependentHandlerBeanGetsTheApplicationScopedCounterInjected() throws Exception {
        HandlerFactory.Created created = factory.create(DependentHandler.class);
        DependentHandler handler = assertInstanceOf(DependentHandler.class, created.handler());
        assertNotNull(handler.counter, "@Inject field");
        assertTrue(handler.postConstructed, "@PostConstruct ran");
        assertEquals(container.select(Counter.class).get().instanceId(), handler.counter.instanceId());
        created.release();
    }

    @Test
    void aBeanHandlerAndItsBeanSubclassEachGetTheirOwnClass() throws Exception {
        HandlerFactory.Created parent = factory.create(DependentHandler.class);
        HandlerFactory.Created child = factory.create(DependentSubHandler.class);
        assertEquals(DependentHandler.class, parent.handler().getClass());
        assertEquals(DependentSubHandler.class, child.handler().getClass());
        assertNotNull(((DependentHandler) child.handler()).counter, "@Inject field of the subclass bean");
        parent.release();
        child.release();
        assertEquals(2, DependentHandler.DESTROYED.get(), "both destroyed through the container");
    }

    @Test
    void twoCreatesGiveTwoInstancesSharingOneCounter() throws Exception {
        HandlerFactory.Created first = factory.create(DependentHandler.class);
        HandlerFactory.Created second = factory.create(DependentHandler.class);
        DependentHandler a = (DependentHandler) first.handler();
        DependentHandler b = (DependentHandler) second.handler();
        assertNotSame(a, b);
        assertEquals(a.counter.instanceId(), b.counter.instanceId(), "one application-scoped counter");
        int before = b.counter.value();
        a.counter.increment();
        assertEquals(before + 1, b.counter.value());
        first.release();
        second.release();
    }

    @Test
    void releaseCallsPreDestroy() throws Exception {
        HandlerFactory.Created created = factory.create(DependentHandler.class);
        DependentHandler handler = (DependentHandler) created.handler();
        assertFalse(handler.preDestroyed);
        created.release();
        assertTrue(handler.preDestroyed, "@PreDestroy ran");
        assertEquals(1, DependentHandler.DESTROYED.get());
    }

    @Test
    void handlerThatIsNotABeanIsInjectedThroughUnmanaged() throws Exception {
        assertTrue(container.getBeanManager().getBeans(PlainInjectedHandler.class).isEmpty(), "precondition: not a bean");
        HandlerFactory.Created created = factory.create(PlainInjectedHandler.class);
        PlainInjectedHandler handler = assertInstanceOf(PlainInjectedHandler.class, created.handler());
        assertNotNull(handler.counter, "@Inject field");
        assertTrue(handler.postConstructed, "@PostConstruct ran");
        assertEquals(container.select(Counter.class).get().instanceId(), handler.counter.instanceId());
        created.release();
        assertTrue(handler.preDestroyed, "@PreDestroy ran on release");
    }

    @Test
    void plainHandlerWithOnlyLifecycleCallbacksStillGetsThem() throws Exception {
        HandlerFactory.Created created = factory.create(PlainLifecycleHandler.class);
        PlainLifecycleHandler handler = assertInstanceOf(PlainLifecycleHandler.class, created.handler());
        assertTrue(handler.postConstructed, "@PostConstruct ran without any injection point");
        created.release();
        assertTrue(handler.preDestroyed, "@PreDestroy ran on release");
    }

    @Test
    void handlerWithNothingForCdiIsMadeFreshPerCreate() throws Exception {
        HandlerFactory.Created first = factory.create(io.chuk.protocol.config.testhandlers.GoodHandler.class);
        HandlerFactory.Created second = factory.create(io.chuk.protocol.config.testhandlers.GoodHandler.class);
        assertNotSame(first.handler(), second.handler());
        first.release();
        second.release();
    }

    @Test
    void unmanagedHandlersAreDistinctPerCreate() throws Exception {
        HandlerFactory.Created first = factory.create(PlainInjectedHandler.class);
        HandlerFactory.Created second = factory.create(PlainInjectedHandler.class);
        assertNotSame(first.handler(), second.handler());
        first.release();
        second.release();
    }

    @Test
    void applicationScopedHandlerBeanStillYieldsOneInstancePerCreate() throws Exception {
        HandlerFactory.Created first = factory.create(AppScopedHandler.class);
        HandlerFactory.Created second = factory.create(AppScopedHandler.class);
        BaseHandler a = first.handler();
        BaseHandler b = second.handler();
        assertNotSame(a, b);
        assertSame(AppScopedHandler.class, a.getClass(), "a real instance, not a shared client proxy");
        assertSame(AppScopedHandler.class, b.getClass());
        assertNotNull(((AppScopedHandler) a).counter, "still injected");
        first.release();
        second.release();
    }

    @Test
    void ifAvailableFindsTheRunningContainer() throws Exception {
        HandlerFactory found = CdiHandlerFactory.ifAvailable().orElseThrow();
        assertInstanceOf(CdiHandlerFactory.class, found);
        HandlerFactory.Created created = found.create(PlainInjectedHandler.class);
        assertNotNull(((PlainInjectedHandler) created.handler()).counter);
        created.release();
    }

    @Test
    void detectPicksCdiWhenAContainerRuns() throws Exception {
        HandlerFactory detected = HandlerFactory.detect();
        assertInstanceOf(CdiHandlerFactory.class, detected);
        HandlerFactory.Created created = detected.create(DependentHandler.class);
        assertNotNull(((DependentHandler) created.handler()).counter);
        created.release();
    }
}
