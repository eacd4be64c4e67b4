package io.chuk.protocol.directory;

import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.cluster.ClusterDirectory;

import java.util.Optional;

/**
 * The process's session directory as handlers and injection see it: the cluster's while this
 * process is in one, else the {@link LocalSessionDirectory}. The one place that decides.
 */
public final class ActiveDirectory {

    /** Health's word for a cluster whose store does not answer. */
    public static final String DEGRADED = "DEGRADED";
    /** Health's word for a cluster that is connected. */
    public static final String UP = "UP";

    private static volatile ClusterDirectory cluster;

    private ActiveDirectory() {
    }

    /** The directory handlers use. */
    public static SessionDirectory get() {
        ClusterDirectory current = cluster;
        return current != null ? current : LocalSessionDirectory.instance();
    }

    /** The cluster this process is in, if any. */
    public static Optional<ClusterDirectory> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The cluster's state for health answers ({@link #UP} or {@link #DEGRADED}); empty when not clustered. */
    public static Optional<String> clusterStatus() {
        return cluster().map(ActiveDirectory::statusOf);
    }

    /** {@link #UP} while {@code cluster}'s store answers, else {@link #DEGRADED}. */
    public static String statusOf(ClusterDirectory cluster) {
        return cluster.connected() ? UP : DEGRADED;
    }

    public static synchronized void install(ClusterDirectory directory) {
        cluster = directory;
    }

    /** Back to the local directory, if {@code directory} is still the one installed. */
    public static synchronized void uninstall(ClusterDirectory directory) {
        if (cluster == directory) {
            cluster = null;
        }
    }
}
