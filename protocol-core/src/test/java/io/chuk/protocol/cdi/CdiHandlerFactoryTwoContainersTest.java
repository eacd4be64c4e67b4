package io.chuk.protocol.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A factory uses the container whose BeanManager it was given, not whatever {@code CDI.current()} finds. */
class CdiHandlerFactoryTwoContainersTest {

    /** The factory is built on the second container started; CDI.current() would find the first. */
    @Test
    void dependentBeanComesFromTheFactorysOwnContainer() throws Exception {
        WeldContainer first = new Weld().containerId("chuk-first").disableDiscovery()
                .addBeanClasses(Counter.class, DependentHandler.class).initialize();
        WeldContainer mine = new Weld().containerId("chuk-mine").disableDiscovery()
                .addBeanClasses(Counter.class, DependentHandler.class).initialize();
        try {
            HandlerFactory factory = new CdiHandlerFactory(mine.getBeanManager());
            HandlerFactory.Created created = factory.create(DependentHandler.class);
            DependentHandler handler = (DependentHandler) created.handler();
            assertEquals(mine.select(Counter.class).get().instanceId(), handler.counter.instanceId(),
                    "the counter of the factory's container");
            created.release();
            assertTrue(handler.preDestroyed);
        } finally {
            mine.shutdown();
            first.shutdown();
        }
    }
}
