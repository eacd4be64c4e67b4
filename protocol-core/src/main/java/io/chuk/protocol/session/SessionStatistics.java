package io.chuk.protocol.session;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one server entry, kept as plain counters so {@code protocol-core} needs no
 * metrics library; the hosting container exposes them (the standalone server as Prometheus text).
 *
 * <p>Byte totals are counted by each session under its own lock, with no shared counter touched
 * per message, and added up when read: the ended sessions' sum plus the live sessions' counts.
 * A session moves from one to the other under {@link #totals}, as reads do, so totals never go back.
 */
public final class SessionStatistics {

    /** Why a connection was refused, as a metric label. */
    public enum Refusal {
        CAPACITY, ADDRESS_LIMIT, ADDRESS_RATE, SHUTTING_DOWN
    }

    private final LongAdder opened = new LongAdder();
    private final Collection<ProtocolSession> live;
    private final Object totals = new Object();
    /** Bytes of ended sessions; guarded by {@link #totals}. */
    private long endedBytesIn;
    private long endedBytesOut;
    private final LongAdder handlerErrors = new LongAdder();
    private final LongAdder telnetNegotiated = new LongAdder();
    private final LongAdder telnetRaw = new LongAdder();
    private final Map<Refusal, LongAdder> refused = new EnumMap<>(Refusal.class);

    /** @param live the entry's live sessions, whose counts the totals include */
    SessionStatistics(Collection<ProtocolSession> live) {
        this.live = live;
        for (Refusal refusal : Refusal.values()) {
            refused.put(refusal, new LongAdder());
        }
    }

    public long opened() {
        return opened.sum();
    }

    public long bytesIn() {
        synchronized (totals) {
            return endedBytesIn + live.stream().mapToLong(ProtocolSession::bytesReceived).sum();
        }
    }

    public long bytesOut() {
        synchronized (totals) {
            return endedBytesOut + live.stream().mapToLong(ProtocolSession::bytesSent).sum();
        }
    }

    public long handlerErrors() {
        return handlerErrors.sum();
    }

    /** Ended telnet sessions whose client negotiated. */
    public long telnetNegotiated() {
        return telnetNegotiated.sum();
    }

    /** Ended telnet sessions whose client never negotiated (raw sockets on the telnet port). */
    public long telnetRaw() {
        return telnetRaw.sum();
    }

    public long refused(Refusal reason) {
        return refused.get(reason).sum();
    }

    void sessionOpened() {
        opened.increment();
    }

    /** Takes an ended session out of the live ones, keeping its byte counts; returns false if it was not live. */
    boolean retire(ProtocolSession session) {
        synchronized (totals) {
            if (!live.remove(session)) {
                return false;
            }
            endedBytesIn += session.bytesReceived();
            endedBytesOut += session.bytesSent();
            return true;
        }
    }

    void handlerFailed() {
        handlerErrors.increment();
    }

    void telnetEnded(boolean negotiated) {
        (negotiated ? telnetNegotiated : telnetRaw).increment();
    }

    void countRefusal(Refusal reason) {
        refused.get(reason).increment();
    }
}
