package io.chuk.protocol.config;

import java.util.List;
import java.util.Optional;

/**
 * A whole configuration: every server entry one process runs, and the cluster it joins, if any.
 *
 * @param source  where it was read from, for messages ({@code <bundled default>}, a file path, {@code <command line>})
 * @param servers the entries, in file order
 * @param cluster the top-level {@code cluster:} section; empty when this process shares nothing
 */
public record ProtocolConfig(String source, List<ServerConfig> servers, Optional<ClusterConfig> cluster) {
    public ProtocolConfig {
        servers = List.copyOf(servers);
    }

    /** A configuration of one process on its own. */
    public ProtocolConfig(String source, List<ServerConfig> servers) {
        this(source, servers, Optional.empty());
    }

    /** The same configuration with other server entries (such as addresses from the command line). */
    public ProtocolConfig withServers(List<ServerConfig> replaced) {
        return new ProtocolConfig(source, replaced, cluster);
    }
}
