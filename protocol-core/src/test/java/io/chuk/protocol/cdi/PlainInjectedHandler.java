package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Not a bean (no bean-defining annotation, never added to the container), but with injection points. */
public class PlainInjectedHandler extends LineHandler {
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
    }
}
