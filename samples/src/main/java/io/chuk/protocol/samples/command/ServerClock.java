package io.chuk.protocol.samples.command;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** When the application started: one per application, injected into every {@link CommandHandler}. */
@ApplicationScoped
public class ServerClock {
    private final Instant started = Instant.now();

    /** Time since the application started. */
    public Duration uptime() {
        return Duration.between(started, Instant.now());
    }
}
