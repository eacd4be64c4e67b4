package io.chuk.protocol.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code @Dependent} handler bean with an injected shared counter; its lifecycle flags come from
 * {@link PlainLifecycleHandler}, whose callbacks CDI calls for a bean subclass too.
 */
@Dependent
public class DependentHandler extends PlainLifecycleHandler {
    static final AtomicInteger DESTROYED = new AtomicInteger();

    @Inject
    Counter counter;

    @PreDestroy
    void countDestroyed() {
        DESTROYED.incrementAndGet();
    }
}
