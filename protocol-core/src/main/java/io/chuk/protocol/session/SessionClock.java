package io.chuk.protocol.session;

import io.chuk.protocol.handlers.HandlerContext;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the handler timers of a host's sessions ({@link HandlerContext#schedule}, and so the
 * timeouts of {@code ask} and the {@code read*} methods) wait their time: the host's timer thread,
 * or a virtual clock that a test advances by hand. Tasks must be short and never block.
 */
@FunctionalInterface
public interface SessionClock {

    /** Runs {@code task} once after {@code delay} (at once when it is zero or negative), unless cancelled. */
    HandlerContext.Scheduled schedule(Duration delay, Runnable task);

    /** The real clock: tasks run on {@code timer}. */
    static SessionClock on(ScheduledExecutorService timer) {
        return (delay, task) -> {
            ScheduledFuture<?> future = timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
