package io.chuk.protocol.tcp;

import org.slf4j.Logger;

import java.time.Duration;

/**
 * A warning that may recur many times a second (a failing accept, a refused connection) logged
 * at most once per interval: the first occurrence at once, later ones counted and reported with
 * the next line the interval allows, so an attack or an exhausted resource cannot flood the log.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private long lastLogged;
    private long unlogged;
    private long sinceReset;

    public ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Records one occurrence; logs {@code message} if this is the first one or the interval has passed. */
    public synchronized void warn(String message) {
        long now = System.nanoTime();
        sinceReset++;
        if (sinceReset > 1 && now - lastLogged < intervalNanos) {
            unlogged++;
            return;
        }
        if (unlogged > 0) {
            log.warn("{} ({} more since the last report)", message, unlogged);
        } else {
            log.warn(message);
        }
        lastLogged = now;
        unlogged = 0;
    }

    /** How many occurrences there were since the previous reset; the next one is then logged at once. */
    public synchronized long reset() {
        long count = sinceReset;
        sinceReset = 0;
        unlogged = 0;
        return count;
    }
}
