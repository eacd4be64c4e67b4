package io.chuk.protocol.directory;

import io.chuk.protocol.api.Room;
import io.chuk.protocol.api.ServerInfo;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process {@link SessionDirectory}: every session registry of this process (one per
 * running server, normally one), and the rooms. One instance per class loader, so a WAR sees its
 * own sessions only.
 */
public final class LocalSessionDirectory implements SessionDirectory {

    private static final LocalSessionDirectory INSTANCE = new LocalSessionDirectory();

    private final List<SessionRegistry> registries = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final Instant startTime = Instant.now();

    private LocalSessionDirectory() {
    }

    /** The directory of this process. */
    public static LocalSessionDirectory instance() {
        return INSTANCE;
    }

    /** A server's registry joins the directory while it runs. */
    public void attach(SessionRegistry registry) {
        registries.add(registry);
    }

    public void detach(SessionRegistry registry) {
        registries.remove(registry);
    }

    /** A server entry started; {@link ServerInfo#servers()} lists it. */
    public void serverStarted(String name) {
        serverNames.add(name);
    }

    public void serverStopped(String name) {
        serverNames.remove(name);
    }

    /** A session ended: it leaves every room. */
    public void sessionEnded(String sessionId) {
        for (String room : List.copyOf(rooms.keySet())) {
            leave(room, sessionId);
        }
    }

    @Override
    public List<SessionInfo> sessions() {
        List<SessionInfo> all = new ArrayList<>();
        for (SessionRegistry registry : registries) {
            for (ProtocolSession session : registry.sessions()) {
                all.add(session.info());
            }
        }
        return all;
    }

    @Override
    public Optional<SessionInfo> find(String sessionId) {
        return live(sessionId).map(ProtocolSession::info);
    }

    @Override
    public int count() {
        int count = 0;
        for (SessionRegistry registry : registries) {
            count += registry.size();
        }
        return count;
    }

    @Override
    public boolean sendLine(String sessionId, String line) {
        Optional<ProtocolSession> session = live(sessionId);
        session.ifPresent(s -> s.notice(line));
        return session.isPresent();
    }

    @Override
    public int broadcast(String line) {
        return broadcastExcept(null, line);
    }

    @Override
    public int broadcastExcept(String exceptSessionId, String line) {
        int sent = 0;
        for (SessionRegistry registry : registries) {
            for (ProtocolSession session : registry.sessions()) {
                if (!session.id().equals(exceptSessionId) && session.isOpen()) {
                    session.notice(line);
                    sent++;
                }
            }
        }
        return sent;
    }

    @Override
    public Room room(String name) {
        return new LocalRoom(this, name);
    }

    @Override
    public ServerInfo serverInfo() {
        Map<Transport, Integer> counts = new EnumMap<>(Transport.class);
        int total = 0;
        for (SessionRegistry registry : registries) {
            for (ProtocolSession session : registry.sessions()) {
                counts.merge(session.transport(), 1, Integer::sum);
                total++;
            }
        }
        return new ServerInfo(startTime, Duration.between(startTime, Instant.now()), total, counts, serverNames);
    }

    /** The engine's live session of that id: for the engine and its tests, never handed to handlers. */
    public Optional<ProtocolSession> live(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        for (SessionRegistry registry : registries) {
            Optional<ProtocolSession> found = registry.find(sessionId);
            if (found.isPresent() && found.get().isOpen()) {
                return found;
            }
        }
        return Optional.empty();
    }

    boolean join(String room, String sessionId) {
        if (live(sessionId).isEmpty()) {
            return false;
        }
        boolean[] added = new boolean[1];
        rooms.compute(room, (name, members) -> {
            Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
            added[0] = set.add(sessionId);
            return set;
        });
        if (live(sessionId).isEmpty()) {
            leave(room, sessionId); // it ended meanwhile: never keep a dead member
            return false;
        }
        return added[0];
    }

    boolean leave(String room, String sessionId) {
        boolean[] removed = new boolean[1];
        rooms.computeIfPresent(room, (name, members) -> {
            removed[0] = members.remove(sessionId);
            return members.isEmpty() ? null : members; // empty rooms are forgotten
        });
        return removed[0];
    }

    Set<String> members(String room) {
        Set<String> members = rooms.get(room);
        return members == null ? Set.of() : Set.copyOf(members);
    }
}
