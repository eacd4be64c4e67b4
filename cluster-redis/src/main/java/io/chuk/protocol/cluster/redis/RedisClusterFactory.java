package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.cluster.ClusterDirectoryFactory;
import io.chuk.protocol.config.ClusterConfig;
import io.chuk.protocol.directory.LocalSessionDirectory;

/** The Redis cluster, as {@link java.util.ServiceLoader} finds it. */
public final class RedisClusterFactory implements ClusterDirectoryFactory {

    @Override
    public ClusterDirectory start(ClusterConfig config, LocalSessionDirectory local) {
        ClusterView view = new ClusterView();
        ClusterNode node = new ClusterNode(config, local, view);
        RedisSessionDirectory directory = new RedisSessionDirectory(local, view, node);
        node.start();
        return directory;
    }
}
