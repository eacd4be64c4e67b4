package io.chuk.protocol.cluster;

import io.chuk.protocol.config.ClusterConfig;
import io.chuk.protocol.directory.LocalSessionDirectory;

/**
 * The service (found with {@link java.util.ServiceLoader}) that joins a cluster: it is looked up
 * only when the configuration has a {@code cluster:} section, so without one no cluster client
 * class is ever loaded.
 */
public interface ClusterDirectoryFactory {

    /**
     * Starts this node's membership; must return at once, also while the store is unreachable
     * (it then connects in the background).
     */
    ClusterDirectory start(ClusterConfig config, LocalSessionDirectory local);
}
