package io.chuk.protocol.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one server entry, kept as plain counters so {@code protocol-core} needs no
 * metrics library; the hosting container exposes them (the standalone server as Prometheus text).
 */
public final class SessionStatistics {

    /** Why a connection was refused, as a metric label. */
    public enum Refusal {
        CAPACITY, ADDRESS_LIMIT, ADDRESS_RATE, SHUTTING_DOWN
    }

    private final LongAdder opened = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder handlerErrors = new LongAdder();
    private final LongAdder telnetNegotiated = new LongAdder();
    private final LongAdder telnetRaw = new LongAdder();
    private final Map<Refusal, LongAdder> refused = new EnumMap<>(Refusal.class);

    SessionStatistics() {
        for (Refusal refusal : Refusal.values()) {
            refused.put(refusal, new LongAdder());
        }
    }

    public long opened() {
        return opened.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
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

    void received(long bytes) {
        bytesIn.add(bytes);
    }

    void sent(long bytes) {
        bytesOut.add(bytes);
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
