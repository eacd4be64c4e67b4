package io.chuk.protocol.cdi;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** An application-scoped bean that handlers share. */
@ApplicationScoped
public class Counter {
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicInteger count = new AtomicInteger();

    /** Identifies the contextual instance behind any client proxy. */
    public String instanceId() {
        return instanceId;
    }

    public int increment() {
        return count.incrementAndGet();
    }

    public int value() {
        return count.get();
    }
}
