package io.chuk.protocol.cluster;

import io.chuk.protocol.session.SessionTap;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the session monitor does with the sessions of other nodes: watch their traffic and act on
 * them. Every call returns at once; the work goes through the cluster's own bounded queues and
 * threads, never a network thread's.
 */
public interface RemoteMonitoring {

    /** Why a remote watch ended without being stopped. */
    enum End {
        /** The session ended on its node, or its node left or died. */
        SESSION_ENDED,
        /** This node lost the shared store, and with it the stream. */
        NODE_UNREACHABLE,
        /** The owning node already serves its limit of remote watches. */
        REFUSED
    }

    /** One remote session being watched from this node. */
    interface Watch {
        /** The streams this node's watchers want now: the line traffic, the terminal stream, or both. */
        void streams(boolean lines, boolean terminal);

        /** Stops watching: the owning node removes its tap. */
        void stop();
    }

    /**
     * Starts watching session {@code sessionId} of node {@code node}: its traffic reaches {@code tap}
     * on a cluster thread ({@code input}/{@code output} for lines, {@code terminalOutput}/
     * {@code windowSize} for the terminal stream). {@code ended} is told at most once, and never
     * from within this call.
     *
     * @return empty when this node already watches its limit of remote sessions, or is degraded
     */
    Optional<Watch> watch(String node, String sessionId, boolean lines, boolean terminal, SessionTap tap,
                          Consumer<End> ended);

    /** Asks the owning node to close a session with {@code message}; false when degraded. */
    boolean kick(String node, String sessionId, String message);

    /** Asks the owning node to feed {@code text} to a session as if its user typed it; false when degraded. */
    boolean inject(String node, String sessionId, String text);
}
