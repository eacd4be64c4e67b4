package io.chuk.protocol.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of one live session, as the {@link SessionDirectory} lists it.
 *
 * @param id            the session's id
 * @param serverName    the server entry that accepted it
 * @param transport     its transport
 * @param remoteAddress the client's address
 * @param startTime     when it opened
 * @param attributes    a copy of the attributes the application set on it (such as a user name)
 */
public record SessionInfo(String id, String serverName, Transport transport, InetSocketAddress remoteAddress,
                          Instant startTime, Map<String, Object> attributes) {

    public SessionInfo {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An attribute as text, or {@code null} when unset. */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }
}
