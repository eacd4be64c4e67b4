package io.chuk.protocol.standalone;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** An application bean shared by all sessions, to prove handlers receive injected beans. */
@ApplicationScoped
public class VisitCounter {
    private final AtomicInteger visits = new AtomicInteger();

    public int next() {
        return visits.incrementAndGet();
    }
}
