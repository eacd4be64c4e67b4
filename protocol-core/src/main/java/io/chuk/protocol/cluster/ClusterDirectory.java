package io.chuk.protocol.cluster;

import io.chuk.protocol.api.SessionDirectory;

/**
 * A {@link SessionDirectory} spanning several server processes. While the shared store is
 * unreachable it still serves this process's own sessions, and says so through {@link #connected()}.
 */
public interface ClusterDirectory extends SessionDirectory, AutoCloseable {

    /** The attribute every session the directory lists carries: the name of the node it lives on. */
    String NODE_ATTRIBUTE = "node";

    /** This process's name in the cluster. */
    String nodeName();

    /** Whether the shared store answers now; false means degraded: only this node's sessions are seen. */
    boolean connected();

    /** The monitor's reach into the other nodes' sessions. */
    RemoteMonitoring monitoring();

    /** Leaves the cluster: this node's sessions are withdrawn at once rather than after the node timeout. */
    @Override
    void close();
}
