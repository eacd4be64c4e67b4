package io.chuk.protocol.tcp;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.time.Duration;

/**
 * A log line for an event that may recur many times a second (a failing accept, a refused
 * connection), written at most once per interval: the first occurrence at once, later ones
 * counted and the count added to the next line the interval allows, so neither an attack nor an
 * exhausted resource can flood the log.
 */
public final class ThrottledLog {

    private final Logger log;
    private final Level level;
    private final long intervalNanos;
    private boolean loggedOnce;
    private long lastLogged;
    private long unlogged;

    public ThrottledLog(Logger log, Level level, Duration interval) {
        this.log = log;
        this.level = level;
        this.intervalNanos = interval.toNanos();
    }

    /** Records one occurrence; writes {@code message} if the interval since the last line has passed. */
    public synchronized void log(String message) {
        long now = System.nanoTime();
        if (loggedOnce && now - lastLogged < intervalNanos) {
            unlogged++;
            return;
        }
        if (unlogged > 0) {
            log.atLevel(level).log("{} ({} more since the last report)", message, unlogged);
        } else {
            log.atLevel(level).log(message);
        }
        loggedOnce = true;
        lastLogged = now;
        unlogged = 0;
    }
}
