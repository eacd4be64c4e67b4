package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.handlers.HandlerContext;
import io.chuk.protocol.session.SessionClock;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A clock that only moves when a test says so: timers wait until {@link #advance} reaches their
 * time, then run in time order (ties in the order they were scheduled).
 */
final class VirtualClock implements SessionClock {

    private record Timer(long due, long order, Runnable task) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::due).thenComparingLong(Timer::order));
    private long now;
    private long scheduled;

    @Override
    public HandlerContext.Scheduled schedule(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            task.run(); // its time has come already, as on the real clock
            return () -> false;
        }
        Timer timer;
        synchronized (this) {
            timer = new Timer(saturatedAdd(now, delay.toNanos()), scheduled++, task);
            timers.add(timer);
        }
        return () -> {
            synchronized (this) {
                return timers.remove(timer);
            }
        };
    }

    /**
     * Moves the clock on by {@code time}: each timer that comes due runs, then {@code settle}
     * (which waits until what it started is done) before the next one.
     */
    void advance(Duration time, Runnable settle) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("time cannot run backwards: " + time);
        }
        long target;
        synchronized (this) {
            target = saturatedAdd(now, time.toNanos());
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due() > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = Math.max(now, next.due());
            }
            next.task().run();
            settle.run();
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
