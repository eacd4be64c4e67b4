package io.chuk.protocol.session;

import java.time.Duration;

/**
 * The time limits of one session, checked on every tick of the host's sweeper rather than by a
 * timer per session: nothing to schedule or cancel on the hot path, and nothing a tick runs can
 * block (it only queues output or closes). Input and closing are recorded from any thread.
 */
final class SessionDeadlines {

    /** What a tick found due, most urgent first. */
    enum Due { NONE, CLOSE_TIMEOUT, WRITE_TIMEOUT, IDLE_TIMEOUT, KEEPALIVE }

    private final long idleTimeoutNanos;
    private final long keepaliveNanos;
    private final long writeTimeoutNanos;
    private final long closeTimeoutNanos;
    private final long startNanos;
    private volatile long lastInputNanos;
    private volatile long nextKeepaliveNanos;
    /** When a closing session is given up on, or 0 while it is not closing. */
    private volatile long closeDeadlineNanos;

    /**
     * @param idleTimeout  no input for this long ends the session; zero = never
     * @param keepalive    interval of telnet keepalives; zero = none
     * @param writeTimeout a write stuck this long ends the session; zero = never
     * @param closeTimeout how long a closing session may take to be gone
     */
    SessionDeadlines(Duration idleTimeout, Duration keepalive, Duration writeTimeout, Duration closeTimeout, long nowNanos) {
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.keepaliveNanos = keepalive.toNanos();
        this.writeTimeoutNanos = writeTimeout.toNanos();
        this.closeTimeoutNanos = closeTimeout.toNanos();
        this.startNanos = nowNanos;
        this.lastInputNanos = nowNanos;
        this.nextKeepaliveNanos = nowNanos + keepaliveNanos;
    }

    void inputReceived(long nowNanos) {
        lastInputNanos = nowNanos;
    }

    /** The session started closing: from now on only the close deadline counts. */
    void closing(long nowNanos) {
        if (closeDeadlineNanos == 0) {
            closeDeadlineNanos = nowNanos + closeTimeoutNanos;
        }
    }

    /** When the session started, on the {@link System#nanoTime()} clock. */
    long startNanos() {
        return startNanos;
    }

    long lastInputNanos() {
        return lastInputNanos;
    }

    /**
     * What is due at {@code nowNanos}, given how long the write in flight has been stuck.
     * A keepalive found due is consumed: the next one is due an interval later.
     */
    Due check(long nowNanos, long writeStalledNanos) {
        long closeDeadline = closeDeadlineNanos;
        if (closeDeadline != 0) {
            return nowNanos - closeDeadline >= 0 ? Due.CLOSE_TIMEOUT : Due.NONE;
        }
        if (writeTimeoutNanos > 0 && writeStalledNanos >= writeTimeoutNanos) {
            return Due.WRITE_TIMEOUT;
        }
        if (idleTimeoutNanos > 0 && nowNanos - lastInputNanos >= idleTimeoutNanos) {
            return Due.IDLE_TIMEOUT;
        }
        if (keepaliveNanos > 0 && nowNanos - nextKeepaliveNanos >= 0) {
            nextKeepaliveNanos = nowNanos + keepaliveNanos;
            return Due.KEEPALIVE;
        }
        return Due.NONE;
    }
}
