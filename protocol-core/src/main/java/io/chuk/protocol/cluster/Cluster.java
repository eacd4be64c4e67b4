package io.chuk.protocol.cluster;

import io.chuk.protocol.config.ClusterConfig;
import io.chuk.protocol.directory.ActiveDirectory;
import io.chuk.protocol.directory.LocalSessionDirectory;

import java.util.ServiceLoader;

/** Joins the cluster a configuration names, through the one {@link ClusterDirectoryFactory} on the class path. */
public final class Cluster {

    private Cluster() {
    }

    /**
     * Starts the cluster directory and makes it the process's {@link ActiveDirectory}.
     *
     * @throws IllegalStateException when no cluster implementation is on the class path
     */
    public static ClusterDirectory join(ClusterConfig config, ClassLoader classLoader) {
        ClusterDirectoryFactory factory = ServiceLoader.load(ClusterDirectoryFactory.class,
                        ClusterLibraries.loaderFor(classLoader)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the configuration has a 'cluster:' section, but no "
                        + "cluster implementation is on the class path (add the cluster-redis module)"));
        ClusterDirectory directory = factory.start(config, LocalSessionDirectory.instance());
        ActiveDirectory.install(directory);
        return directory;
    }

    /** Leaves the cluster; the process's directory is the local one again. */
    public static void leave(ClusterDirectory directory) {
        ActiveDirectory.uninstall(directory);
        directory.close();
    }
}
