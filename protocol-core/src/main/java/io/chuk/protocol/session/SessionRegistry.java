package io.chuk.protocol.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every live session of the process, across all server entries and transports. */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    private final Map<String, ProtocolSession> sessions = new ConcurrentHashMap<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** A snapshot of the live sessions. */
    public Collection<ProtocolSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public Optional<ProtocolSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Visits every live session without copying the set (sessions may come and go meanwhile). */
    void forEach(java.util.function.Consumer<ProtocolSession> action) {
        sessions.values().forEach(action);
    }

    public int size() {
        return sessions.size();
    }

    void add(ProtocolSession session) {
        sessions.put(session.id(), session);
        for (SessionListener listener : listeners) {
            notify(() -> listener.sessionStarted(session));
        }
    }

    void remove(ProtocolSession session) {
        if (sessions.remove(session.id()) != null) {
            for (SessionListener listener : listeners) {
                notify(() -> listener.sessionEnded(session));
            }
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Session listener failed", e);
        }
    }
}
