package io.chuk.protocol.config;

import java.util.List;

/**
 * A whole configuration: every server entry one process runs.
 *
 * @param source  where it was read from, for messages ({@code <bundled default>}, a file path, {@code <command line>})
 * @param servers the entries, in file order
 */
public record ProtocolConfig(String source, List<ServerConfig> servers) {
    public ProtocolConfig {
        servers = List.copyOf(servers);
    }
}
