package io.chuk.protocol.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The process as a whole, as the {@link SessionDirectory} reports it (the original's
 * {@code get_server_info}).
 *
 * @param startTime  when the server started
 * @param uptime     how long it has run
 * @param sessions   live sessions of every transport
 * @param byTransport live sessions per transport (every transport is present, 0 when none)
 * @param servers    the names of the server entries running
 */
public record ServerInfo(Instant startTime, Duration uptime, int sessions, Map<Transport, Integer> byTransport,
                         List<String> servers) {

    public ServerInfo {
        EnumMap<Transport, Integer> counts = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            counts.put(transport, byTransport.getOrDefault(transport, 0));
        }
        byTransport = Collections.unmodifiableMap(counts);
        servers = List.copyOf(servers);
    }
}
