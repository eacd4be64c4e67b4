package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** Not a bean and nothing to inject, but with lifecycle callbacks: CDI must still manage it. */
public class PlainLifecycleHandler extends LineHandler {
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
