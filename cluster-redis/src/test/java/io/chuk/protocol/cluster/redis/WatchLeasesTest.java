package io.chuk.protocol.cluster.redis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Other nodes' leases on a watched session: renewal, expiry, the streams wanted, the node bound. */
class WatchLeasesTest {

    private static final long LEASE = 3_000;
    private final WatchLeases leases = new WatchLeases(LEASE, 2);

    @Test
    void aLeaseNotRenewedExpiresAfterItsDurationAndARenewedOneLasts() {
        leases.renew("a", true, false, 0);
        leases.renew("b", false, true, 0);
        leases.renew("a", true, false, 2_000); // a's heartbeat; b's node died
        assertEquals(List.of(), leases.expire(LEASE - 1));
        assertEquals(List.of("b"), leases.expire(LEASE));
        assertFalse(leases.terminal(), "nobody wants the terminal stream any more");
        assertTrue(leases.lines());
        assertEquals(List.of(), leases.expire(2_000 + LEASE - 1));
        assertEquals(List.of("a"), leases.expire(2_000 + LEASE));
        assertTrue(leases.isEmpty());
    }

    @Test
    void theStreamsAreWhatAnyNodeWantsAndARenewalMayChangeThem() {
        leases.renew("a", true, false, 0);
        assertTrue(leases.lines());
        assertFalse(leases.terminal());
        leases.renew("a", false, true, 1);
        assertFalse(leases.lines());
        assertTrue(leases.terminal());
        leases.remove("a");
        assertTrue(leases.isEmpty());
    }

    @Test
    void moreNodesThanTheBoundAreRefusedButKnownOnesRenew() {
        assertTrue(leases.renew("a", true, false, 0));
        assertTrue(leases.renew("b", true, false, 0));
        assertFalse(leases.renew("c", true, true, 0));
        assertFalse(leases.terminal(), "the refused node changed nothing");
        assertTrue(leases.renew("b", true, true, 1));
    }
}
