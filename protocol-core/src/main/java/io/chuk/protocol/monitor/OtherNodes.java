package io.chuk.protocol.monitor;

import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.cluster.ClusterDirectory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sessions of the other cluster nodes as the monitor reaches them: the cluster directory's
 * sessions whose {@code node} attribute names another node. Empty everywhere outside a cluster.
 */
final class OtherNodes {

    private final Supplier<Optional<ClusterDirectory>> cluster;

    OtherNodes(Supplier<Optional<ClusterDirectory>> cluster) {
        this.cluster = cluster;
    }

    Optional<ClusterDirectory> cluster() {
        return cluster.get();
    }

    /** This node's name, when in a cluster. */
    Optional<String> self() {
        return cluster.get().map(ClusterDirectory::nodeName);
    }

    /** A session of another node, as the directory last heard of it. */
    Optional<SessionInfo> find(String sessionId) {
        Optional<ClusterDirectory> current = cluster.get();
        if (current.isEmpty() || sessionId == null) {
            return Optional.empty();
        }
        return current.get().find(sessionId).filter(info -> isOther(info, current.get().nodeName()));
    }

    /** Every session of the other nodes. */
    List<SessionInfo> sessions() {
        Optional<ClusterDirectory> current = cluster.get();
        if (current.isEmpty()) {
            return List.of();
        }
        String self = current.get().nodeName();
        return current.get().sessions().stream().filter(info -> isOther(info, self)).toList();
    }

    static String nodeOf(SessionInfo info) {
        return info.attribute(ClusterDirectory.NODE_ATTRIBUTE);
    }

    private static boolean isOther(SessionInfo info, String self) {
        String node = nodeOf(info);
        return node != null && !node.equals(self);
    }
}
