package io.chuk.protocol.session;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.compression.Mccp;
import io.chuk.protocol.config.Compression;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.handlers.MudProtocols;

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
        Compression compression = config.compression() != null ? config.compression() : declared(config);
        if (compression.offersMccp2()) {
            offers.add(Mccp.MCCP2);
        }
        if (compression.offersMccp3()) {
            offers.add(Mccp.MCCP3);
        }
        return offers;
    }

    /** What the handler's {@code @MudProtocols} asks for, when the {@code compression} key is unset. */
    private static Compression declared(ServerConfig config) {
        MudProtocols declared = config.handlerType().getAnnotation(MudProtocols.class);
        java.util.List<MudProtocol> protocols = declared == null ? java.util.List.of() : java.util.List.of(declared.value());
        if (protocols.contains(MudProtocol.MCCP3)) {
            return Compression.MCCP2_MCCP3;
        }
        return protocols.contains(MudProtocol.MCCP2) ? Compression.MCCP2 : Compression.OFF;
    }

    /** Everything a telnet session of this entry offers after the opening: its MUD protocols and MCCP. */
    static Set<Integer> of(MudSettings mud, ServerConfig config) {
        Set<Integer> offers = new HashSet<>(mud.offeredOptions());
        offers.addAll(of(config));
        return offers;
    }
}
