package io.chuk.protocol.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The time limits of one session, checked on every tick of the host's sweeper rather than by a
 * timer per session: nothing to schedule or cancel on the hot path, and nothing a tick runs can
 * block (it only queues output or closes). Input and closing are recorded from any thread.
 *
 * <p>Input is recorded without reading the clock: each message only raises a flag, and the next
 * tick takes it as input at its own time. A message costs no clock read and no fence, and the
 * idle time is still right to within a tick.
 */
final class SessionDeadlines {

    /** What a tick found due, most urgent first. */
    enum Due { NONE, CLOSE_TIMEOUT, WRITE_TIMEOUT, IDLE_TIMEOUT, KEEPALIVE }

    /**
     * The limits themselves, the same for every session of an entry, so they are made once per
     * entry rather than kept in each session.
     *
     * @param idleTimeoutNanos  no input for this long ends the session; zero = never
     * @param keepaliveNanos    interval of telnet keepalives; zero = none
     * @param writeTimeoutNanos a write stuck this long ends the session; zero = never
     * @param closeTimeoutNanos how long a closing session may take to be gone
     */
    record Limits(long idleTimeoutNanos, long keepaliveNanos, long writeTimeoutNanos, long closeTimeoutNanos) {
        Limits(Duration idleTimeout, Duration keepalive, Duration writeTimeout, Duration closeTimeout) {
            this(idleTimeout.toNanos(), keepalive.toNanos(), writeTimeout.toNanos(), closeTimeout.toNanos());
        }
    }

    private static final VarHandle INPUT_SINCE_TICK;

    static {
        try {
            INPUT_SINCE_TICK = MethodHandles.lookup().findVarHandle(SessionDeadlines.class, "inputSinceTick", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Limits limits;
    private final long startNanos;
    /** Input came since the last tick; set with opaque writes (no fence), cleared by the tick. */
    @SuppressWarnings("unused") // through INPUT_SINCE_TICK
    private boolean inputSinceTick;
    private volatile long lastInputNanos;
    private volatile long nextKeepaliveNanos;
    /** When a closing session is given up on, or 0 while it is not closing. */
    private volatile long closeDeadlineNanos;

    SessionDeadlines(Limits limits, long nowNanos) {
        this.limits = limits;
        this.startNanos = nowNanos;
        this.lastInputNanos = nowNanos;
        this.nextKeepaliveNanos = nowNanos + limits.keepaliveNanos();
    }

    /** Input arrived: the next tick counts it, at the tick's time. */
    void inputReceived() {
        if (!(boolean) INPUT_SINCE_TICK.getOpaque(this)) {
            INPUT_SINCE_TICK.setOpaque(this, true);
        }
    }

    /** The session started closing: from now on only the close deadline counts. */
    void closing(long nowNanos) {
        if (closeDeadlineNanos == 0) {
            closeDeadlineNanos = nowNanos + limits.closeTimeoutNanos();
        }
    }

    /** When the session started, on the {@link System#nanoTime()} clock. */
    long startNanos() {
        return startNanos;
    }

    /** When input last came, to within a tick: {@code nowNanos} if some came since the last one. */
    long lastInputNanos(long nowNanos) {
        return (boolean) INPUT_SINCE_TICK.getOpaque(this) ? nowNanos : lastInputNanos;
    }

    /**
     * What is due at {@code nowNanos}, given how long the write in flight has been stuck.
     * A keepalive found due is consumed: the next one is due an interval later.
     */
    Due check(long nowNanos, long writeStalledNanos) {
        if ((boolean) INPUT_SINCE_TICK.getOpaque(this)) {
            // Input that raises the flag again right after this is taken at the next tick.
            INPUT_SINCE_TICK.setOpaque(this, false);
            lastInputNanos = nowNanos;
        }
        long closeDeadline = closeDeadlineNanos;
        if (closeDeadline != 0) {
            return nowNanos - closeDeadline >= 0 ? Due.CLOSE_TIMEOUT : Due.NONE;
        }
        if (limits.writeTimeoutNanos() > 0 && writeStalledNanos >= limits.writeTimeoutNanos()) {
            return Due.WRITE_TIMEOUT;
        }
        if (limits.idleTimeoutNanos() > 0 && nowNanos - lastInputNanos >= limits.idleTimeoutNanos()) {
            return Due.IDLE_TIMEOUT;
        }
        if (limits.keepaliveNanos() > 0 && nowNanos - nextKeepaliveNanos >= 0) {
            nextKeepaliveNanos = nowNanos + limits.keepaliveNanos();
            return Due.KEEPALIVE;
        }
        return Due.NONE;
    }
}
