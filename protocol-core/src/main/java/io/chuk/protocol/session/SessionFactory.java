package io.chuk.protocol.session;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.TelnetKeepalive;
import io.chuk.protocol.handlers.NonBlocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Opens sessions for one server entry, enforcing its {@code max_connections}. Every transport
 * (raw connector, WebSocket endpoint) calls {@link #open} for each new connection.
 */
public final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** What a refused client is told, as the original says it. */
    public static final String CAPACITY_MESSAGE = "Server is at maximum capacity. Please try again later.";
    /** What a client connecting while the server stops is told. */
    public static final String SHUTTING_DOWN_MESSAGE = "Server is shutting down. Please try again later.";

    private final ServerConfig config;
    private final SessionHost host;
    private final Set<ProtocolSession> live = ConcurrentHashMap.newKeySet();
    private final AddressLimits addressLimits;
    private final SessionStatistics statistics = new SessionStatistics(live);
    private final Object admission = new Object();
    private final Executor callbackPool;
    private final boolean nonBlockingHandler;
    private final MudSettings mudSettings;
    /** The time limits of this entry's sessions, shared by all of them. */
    private final SessionDeadlines.Limits deadlineLimits;
    private volatile boolean accepting = true;

    SessionFactory(ServerConfig config, SessionHost host, Executor callbackPool) {
        this.config = config;
        this.host = host;
        this.callbackPool = callbackPool;
        this.nonBlockingHandler = config.handlerType().isAnnotationPresent(NonBlocking.class);
        this.mudSettings = MudSettings.of(config);
        Duration keepalive = config.transport().speaksTelnet() && config.keepalive() != TelnetKeepalive.OFF
                ? config.keepaliveInterval() : Duration.ZERO;
        this.deadlineLimits = new SessionDeadlines.Limits(config.connectionTimeout(), keepalive,
                config.limits().writeTimeout(), ProtocolSession.CLOSE_TIMEOUT);
        this.addressLimits = new AddressLimits(config.limits());
    }

    public ServerConfig config() {
        return config;
    }

    SessionHost host() {
        return host;
    }

    /** A bounded pool for transport calls that may block; each call must be bounded by a timeout. */
    public Executor blockingTasks() {
        return host.blockingTasks();
    }

    /** Where this entry's handler callbacks run. */
    Executor callbackPool() {
        return callbackPool;
    }

    /** Whether the entry's handler is marked {@link NonBlocking}: its callbacks may run on network threads. */
    public boolean nonBlockingHandler() {
        return nonBlockingHandler;
    }

    /** The time limits of this entry's sessions. */
    SessionDeadlines.Limits deadlineLimits() {
        return deadlineLimits;
    }

    /** The MUD protocols this entry's telnet sessions offer. */
    MudSettings mudSettings() {
        return mudSettings;
    }

    /** The outcome of {@link #open}: a started session, or the reason the client is refused. */
    public record Admission(ProtocolSession session, String refusal) {
        public boolean admitted() {
            return session != null;
        }
    }

    /**
     * Opens and starts a session for a new connection, unless the entry is at
     * {@code max_connections}, the client's address is over its limits, or the server is
     * stopping. A refused client is to be told {@link Admission#refusal()} and closed.
     */
    public Admission open(SessionChannel channel) {
        InetAddress address = channel.remoteAddress().getAddress();
        ProtocolSession session;
        synchronized (admission) {
            int max = config.maxConnections();
            if (!accepting) {
                LOG.info("Server '{}' is shutting down, rejecting {}", config.name(), channel.remoteAddress());
                statistics.countRefusal(SessionStatistics.Refusal.SHUTTING_DOWN);
                return new Admission(null, SHUTTING_DOWN_MESSAGE);
            }
            if (max > 0 && live.size() >= max) {
                LOG.warn("Maximum connections ({}) reached on server '{}', rejecting {}",
                        max, config.name(), channel.remoteAddress());
                statistics.countRefusal(SessionStatistics.Refusal.CAPACITY);
                return new Admission(null, CAPACITY_MESSAGE);
            }
            String refusal = addressLimits.tryAcquire(address, System.nanoTime());
            if (refusal != null) {
                LOG.warn("Refused {} on server '{}': {}", channel.remoteAddress(), config.name(), refusal);
                statistics.countRefusal(refusal.equals(AddressLimits.TOO_FAST_MESSAGE)
                        ? SessionStatistics.Refusal.ADDRESS_RATE : SessionStatistics.Refusal.ADDRESS_LIMIT);
                return new Admission(null, refusal);
            }
            session = new ProtocolSession(this, channel);
            live.add(session);
            statistics.sessionOpened();
        }
        channel.attach(session);
        session.start();
        return new Admission(session, null);
    }

    /** This entry's running totals. */
    public SessionStatistics statistics() {
        return statistics;
    }

    /** Bytes of output queued for this entry's clients right now. */
    public long queuedOutputBytes() {
        return live.stream().mapToLong(ProtocolSession::queuedOutputBytes).sum();
    }

    /** The live sessions of this entry. */
    public Collection<ProtocolSession> sessions() {
        return List.copyOf(live);
    }

    public int activeCount() {
        return live.size();
    }

    public boolean isAccepting() {
        return accepting;
    }

    /** Refuses new sessions from now on (shutdown). */
    public void stopAccepting() {
        accepting = false;
    }

    void release(ProtocolSession session) {
        if (statistics.retire(session)) {
            addressLimits.release(session.remoteAddress().getAddress());
        }
    }
}
