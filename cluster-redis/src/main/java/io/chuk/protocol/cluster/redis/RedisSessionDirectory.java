package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.Room;
import io.chuk.protocol.api.ServerInfo;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.directory.LocalSessionDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The session directory of the whole cluster. Reads are answered from memory: this node's
 * sessions from the {@link LocalSessionDirectory}, the others' from the {@link ClusterView};
 * writes to other nodes' sessions are queued for Redis. Every {@link SessionInfo} it returns has
 * the attribute {@code node}. While Redis is unreachable the view is empty: this node's sessions
 * only.
 */
final class RedisSessionDirectory implements ClusterDirectory {

    private final LocalSessionDirectory local;
    private final ClusterView view;
    private final ClusterNode node;
    private final Consumer<String> ended;

    RedisSessionDirectory(LocalSessionDirectory local, ClusterView view, ClusterNode node) {
        this.local = local;
        this.view = view;
        this.node = node;
        this.ended = node::sessionEnded;
        local.addEndListener(ended);
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    @Override
    public boolean connected() {
        return node.connected();
    }

    @Override
    public RemoteMonitoring monitoring() {
        return node.remoteWatches();
    }

    @Override
    public List<SessionInfo> sessions() {
        List<SessionInfo> all = new ArrayList<>();
        for (SessionInfo info : local.sessions()) {
            all.add(SessionEntry.withNode(info, node.name()));
        }
        for (RemoteSession remote : view.sessions()) {
            all.add(remote.info());
        }
        return all;
    }

    @Override
    public Optional<SessionInfo> find(String sessionId) {
        Optional<SessionInfo> here = local.find(sessionId).map(info -> SessionEntry.withNode(info, node.name()));
        return here.isPresent() ? here : view.find(sessionId).map(RemoteSession::info);
    }

    @Override
    public int count() {
        return local.count() + view.count();
    }

    @Override
    public boolean sendLine(String sessionId, String line) {
        if (local.sendLine(sessionId, line)) {
            return true;
        }
        Optional<RemoteSession> remote = view.find(sessionId);
        remote.ifPresent(r -> node.sendTo(r.node(), sessionId, line));
        return remote.isPresent();
    }

    @Override
    public int broadcast(String line) {
        return broadcastExcept(null, line);
    }

    @Override
    public int broadcastExcept(String exceptSessionId, String line) {
        int sent = local.broadcastExcept(exceptSessionId, line);
        int remote = (int) view.sessions().stream().filter(s -> !s.id().equals(exceptSessionId)).count();
        if (remote > 0) {
            node.broadcast(exceptSessionId, line);
        }
        return sent + remote;
    }

    @Override
    public Room room(String name) {
        return new ClusterRoom(name, local, node, view);
    }

    /** This node's start and uptime; sessions and server entries of every node. */
    @Override
    public ServerInfo serverInfo() {
        ServerInfo here = local.serverInfo();
        Map<Transport, Integer> counts = new EnumMap<>(here.byTransport());
        for (RemoteSession remote : view.sessions()) {
            counts.merge(remote.info().transport(), 1, Integer::sum);
        }
        Set<String> servers = new LinkedHashSet<>(here.servers());
        view.nodes().values().forEach(meta -> servers.addAll(meta.servers()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        Instant start = here.startTime();
        return new ServerInfo(start, Duration.between(start, Instant.now()), total, counts, List.copyOf(servers));
    }

    @Override
    public void close() {
        local.removeEndListener(ended);
        node.close();
    }
}
