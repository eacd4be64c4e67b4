package io.chuk.protocol.session;

import io.chuk.protocol.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens sessions for one server entry, enforcing its {@code max_connections}. Every transport
 * (raw connector, WebSocket endpoint) calls {@link #open} for each new connection.
 */
public final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** What a refused client is told, as the original says it. */
    public static final String CAPACITY_MESSAGE = "Server is at maximum capacity. Please try again later.";

    private final ServerConfig config;
    private final SessionHost host;
    private final Set<ProtocolSession> live = ConcurrentHashMap.newKeySet();
    private final Object admission = new Object();
    private volatile boolean accepting = true;

    SessionFactory(ServerConfig config, SessionHost host) {
        this.config = config;
        this.host = host;
    }

    public ServerConfig config() {
        return config;
    }

    SessionHost host() {
        return host;
    }

    /** The shared timer, for transport-level timers such as WebSocket pings. Tasks must be short. */
    public java.util.concurrent.ScheduledExecutorService timer() {
        return host.timer();
    }

    /**
     * Opens and starts a session for a new connection, or returns {@code null} when the entry is
     * at {@code max_connections} or shutting down; the transport then tells the client
     * {@link #CAPACITY_MESSAGE} and closes.
     */
    public ProtocolSession open(SessionChannel channel) {
        ProtocolSession session;
        synchronized (admission) {
            int max = config.maxConnections();
            if (!accepting || (max > 0 && live.size() >= max)) {
                LOG.warn("Maximum connections ({}) reached on server '{}', rejecting {}",
                        max, config.name(), channel.remoteAddress());
                return null;
            }
            session = new ProtocolSession(this, channel);
            live.add(session);
        }
        session.start();
        return session;
    }

    /** The live sessions of this entry. */
    public Collection<ProtocolSession> sessions() {
        return List.copyOf(live);
    }

    public int activeCount() {
        return live.size();
    }

    /** Refuses new sessions from now on (shutdown). */
    public void stopAccepting() {
        accepting = false;
    }

    void release(ProtocolSession session) {
        live.remove(session);
    }
}
