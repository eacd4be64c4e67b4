package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@code @Dependent} handler bean with an injected shared counter. */
@Dependent
public class DependentHandler extends LineHandler {
    static final AtomicInteger DESTROYED = new AtomicInteger();

    @Inject
    Counter counter;

    boolean postConstructed;
    boolean preDestroyed;

    @PostConstruct
    void init() {
        postConstructed = true;
    }

    @PreDestroy
    void destroy() {
        preDestroyed = true;
        DESTROYED.incrementAndGet();
    }
}
