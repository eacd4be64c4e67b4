package io.chuk.protocol.session;

import io.chuk.protocol.compression.Mccp;
import io.chuk.protocol.config.Compression;
import io.chuk.protocol.config.ServerConfig;

import java.util.HashSet;
import java.util.Set;

/**
 * The telnet options a session of an entry offers after the opening six commands, from the
 * entry's configuration and its handler: the one place that decides which MUD protocols a
 * telnet session speaks.
 */
final class TelnetOffers {

    private TelnetOffers() {
    }

    static Set<Integer> of(ServerConfig config) {
        Set<Integer> offers = new HashSet<>(4);
        Compression compression = config.compression();
        if (compression.offersMccp2()) {
            offers.add(Mccp.MCCP2);
        }
        if (compression.offersMccp3()) {
            offers.add(Mccp.MCCP3);
        }
        return offers;
    }
}
