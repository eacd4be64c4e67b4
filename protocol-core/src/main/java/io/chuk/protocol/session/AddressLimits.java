package io.chuk.protocol.session;

import io.chuk.protocol.config.Limits;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-address admission for one server entry: at most {@code max_connections_per_ip} concurrent
 * sessions and {@code max_connection_rate_per_ip} new connections per second (a token bucket
 * with a one-second burst). Memory stays bounded: the concurrency map holds only addresses with
 * live sessions, the rate map at most {@link #MAX_TRACKED_ADDRESSES} recent addresses.
 */
final class AddressLimits {

    static final String TOO_MANY_MESSAGE = "Too many connections from your address. Please try again later.";
    static final String TOO_FAST_MESSAGE = "Connecting too fast. Please try again later.";
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final int maxPerAddress;
    private final int ratePerSecond;
    private final Map<InetAddress, Integer> live = new HashMap<>();
    private final LinkedHashMap<InetAddress, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true);

    AddressLimits(Limits limits) {
        this.maxPerAddress = limits.maxConnectionsPerIp();
        this.ratePerSecond = limits.maxConnectionRatePerIp();
    }

    /** Admits one connection from {@code address}, or returns the refusal to tell the client. */
    synchronized String tryAcquire(InetAddress address, long nowNanos) {
        if (address == null) {
            return null;
        }
        if (ratePerSecond > 0 && !takeToken(address, nowNanos)) {
            return TOO_FAST_MESSAGE;
        }
        int current = live.getOrDefault(address, 0);
        if (maxPerAddress > 0 && current >= maxPerAddress) {
            return TOO_MANY_MESSAGE;
        }
        live.put(address, current + 1);
        return null;
    }

    synchronized void release(InetAddress address) {
        if (address != null) {
            live.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        }
    }

    /** Token bucket: {@code ratePerSecond} tokens per second, holding at most one second's worth. */
    private boolean takeToken(InetAddress address, long nowNanos) {
        double[] bucket = buckets.get(address); // [tokens, lastRefillNanos]
        if (bucket == null) {
            bucket = new double[] {ratePerSecond, nowNanos};
            buckets.put(address, bucket);
            if (buckets.size() > MAX_TRACKED_ADDRESSES) {
                Iterator<InetAddress> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        } else {
            double elapsedSeconds = (nowNanos - (long) bucket[1]) / 1e9;
            bucket[0] = Math.min(ratePerSecond, bucket[0] + elapsedSeconds * ratePerSecond);
            bucket[1] = nowNanos;
        }
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
