package io.chuk.protocol.config;

import java.time.Duration;

/** The moment by which loading a configuration must be done, checked between its bounded steps. */
record Deadline(long endNanos, Duration limit) {

    static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    boolean passed() {
        return remainingNanos() == 0;
    }

    /** What the deadline allows, for messages: "the 5 s allowed for loading a configuration". */
    String allowed() {
        return "the " + limit.toSeconds() + " s allowed for loading a configuration";
    }
}
