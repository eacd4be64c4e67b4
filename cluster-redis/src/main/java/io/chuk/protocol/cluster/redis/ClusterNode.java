package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.ServerInfo;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.config.ClusterConfig;
import io.chuk.protocol.directory.LocalSessionDirectory;
import io.chuk.protocol.monitor.SessionActions;
import io.chuk.protocol.session.ProtocolSession;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process as a member of the cluster. Every {@code heartbeat_interval} one thread writes this
 * node's sessions into its Redis hash (which expires {@code node_timeout - heartbeat_interval}
 * after the last beat, so a dead node is gone within {@code node_timeout}) and reloads the other
 * nodes' into the {@link ClusterView}. Changes between beats go out as events through a bounded
 * sending queue; events in come through a bounded receiving queue. When Redis does not answer,
 * the node is degraded: it warns once, forgets the other nodes and serves its own sessions, and
 * reconnects at each beat until Redis answers again. The monitor's watches of other nodes'
 * sessions ({@link RemoteWatches}) and other nodes' watches of this node's ({@link WatchServer})
 * ride on the same connections, beat and queues; the watched traffic arrives through a bounded
 * queue of its own, so it never crowds out events.
 */
final class ClusterNode implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.cluster");
    /** Tasks each of the sending and receiving queues holds. */
    static final int QUEUE_CAPACITY = 10_000;
    /** Watched-traffic messages the incoming watch queue holds. */
    static final int WATCH_QUEUE_CAPACITY = 1_000;
    /** The shortest timeout of a Redis command or connection attempt. */
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(2);

    private final ClusterConfig config;
    private final Keys keys;
    private final LocalSessionDirectory local;
    private final ClusterView view;
    private final RedisConnections redis;
    private final BoundedWorker out = new BoundedWorker("chuk-cluster-send", QUEUE_CAPACITY, LOG);
    private final BoundedWorker in = new BoundedWorker("chuk-cluster-receive", QUEUE_CAPACITY, LOG);
    /** Watched traffic coming in (each message at most {@link WatchTraffic#MAX_MESSAGE_CHARS}). */
    private final BoundedWorker relay = new BoundedWorker("chuk-cluster-watch", WATCH_QUEUE_CAPACITY, LOG);
    private final WatchServer watched;
    private final RemoteWatches watching;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chuk-cluster-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final String selfKey;
    private volatile boolean connected;
    /** Whether the degraded state was already reported: one warning per outage, not one per beat. */
    private boolean warned;
    private Set<String> published = Set.of();
    /** When a heartbeat last went through (nanoTime). */
    private long lastBeat;

    ClusterNode(ClusterConfig config, LocalSessionDirectory local, ClusterView view) {
        this.config = config;
        this.keys = new Keys(config.keyPrefix());
        this.local = local;
        this.view = view;
        this.selfKey = keys.node(config.nodeName());
        this.redis = new RedisConnections(config.redisUri(), commandTimeout(config));
        this.watched = new WatchServer(local, this, keys, config.nodeTimeout());
        this.watching = new RemoteWatches(this, keys, view);
    }

    /** The monitor's watches of other nodes' sessions, and its actions on them. */
    RemoteWatches remoteWatches() {
        return watching;
    }

    /** A busy machine (a JVM starting) can take a second to set up a connection: never less than {@link #MIN_TIMEOUT}. */
    static Duration commandTimeout(ClusterConfig config) {
        Duration interval = config.heartbeatInterval();
        return interval.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : interval;
    }

    void start() {
        LOG.info("Cluster node '{}' joining through Redis at {} (heartbeat {} ms, node timeout {} ms)",
                config.nodeName(), redis.endpoint(), config.heartbeatInterval().toMillis(),
                config.nodeTimeout().toMillis());
        long interval = config.heartbeatInterval().toMillis();
        beat.scheduleWithFixedDelay(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
    }

    String name() {
        return config.nodeName();
    }

    boolean connected() {
        return connected;
    }

    /** A session of this node joined or left a room, or ended: the others hear of it now. */
    void sessionChanged(String id) {
        send(commands -> {
            Optional<SessionInfo> info = local.find(id);
            if (info.isPresent()) {
                String entry = SessionEntry.encode(info.get(), local.roomsOf(id));
                commands.hset(selfKey, id, entry);
                commands.publish(keys.events(), event(Message.UPSERT).add("i", id).add("e", entry).encode());
            } else {
                commands.hdel(selfKey, id);
                commands.publish(keys.events(), event(Message.REMOVE).add("i", id).encode());
            }
        });
    }

    /** A session of this node ended: the others hear of it, and whoever watches it is told. */
    void sessionEnded(String id) {
        sessionChanged(id);
        watched.sessionEnded(id);
    }

    void broadcast(String exceptId, String line) {
        send(commands -> commands.publish(keys.events(),
                event(Message.BROADCAST).add("x", exceptId).add("l", line).encode()));
    }

    void roomBroadcast(String room, String exceptId, String line) {
        send(commands -> commands.publish(keys.events(),
                event(Message.ROOM).add("r", room).add("x", exceptId).add("l", line).encode()));
    }

    void sendTo(String node, String id, String line) {
        send(commands -> commands.publish(keys.inbox(node), event(Message.LINE).add("i", id).add("l", line).encode()));
    }

    private Fields event(String type) {
        return Message.of(type, config.nodeName());
    }

    /** Queues a write; while degraded there is nobody to tell, and the next beat publishes everything. */
    private void send(java.util.function.Consumer<RedisAsyncCommands<String, String>> write) {
        submit(connections -> write.accept(connections.async()));
    }

    /** Queues one publication on the sending thread; false when degraded or the queue is full. */
    boolean publish(String channel, String message) {
        return submit(connections -> connections.async().publish(channel, message));
    }

    /**
     * Queues Redis work on the sending thread, skipped if the node is degraded by then.
     *
     * @return false when degraded now, or the sending queue is full
     */
    boolean submit(java.util.function.Consumer<RedisConnections> work) {
        return connected && out.execute(() -> {
            if (connected) {
                work.accept(redis);
            }
        });
    }

    private void heartbeat() {
        long started = System.nanoTime();
        try {
            boolean fresh = !redis.isOpen();
            if (fresh) {
                watching.lost(); // their subscriptions go with the old connection
                String watchChannels = keys.watchPrefix();
                redis.open((channel, message) -> {
                    if (channel.startsWith(watchChannels)) {
                        relay.execute(() -> watching.receive(channel, message));
                    } else {
                        in.execute(() -> receive(message));
                    }
                }, keys.events(), keys.inbox(config.nodeName()));
            }
            RedisCommands<String, String> commands = redis.sync();
            publishSelf(commands, fresh);
            reload(commands, started);
            lastBeat = System.nanoTime();
            up();
            watching.renew();
        } catch (RuntimeException e) {
            if (connected && redis.isOpen() && System.nanoTime() - lastBeat < config.nodeTimeout().toNanos()) {
                // A slow answer on a live connection (a busy machine): the view is kept and the beat
                // tried again; only a closed connection or a whole node timeout of failures degrades.
                LOG.debug("Cluster heartbeat of '{}' failed; retrying", config.nodeName(), e);
            } else {
                down(e);
            }
        } finally {
            watched.expire(System.nanoTime()); // also while degraded: no renewal can come then
        }
    }

    private void publishSelf(RedisCommands<String, String> commands, boolean fresh) {
        ServerInfo info = local.serverInfo();
        Map<String, String> fields = new HashMap<>();
        fields.put(NodeMeta.FIELD, new NodeMeta(info.startTime(), info.servers()).encode());
        for (SessionInfo session : local.sessions()) {
            fields.put(session.id(), SessionEntry.encode(session, local.roomsOf(session.id())));
        }
        if (fresh) {
            commands.del(selfKey); // a previous life of this node name may have left sessions behind
        }
        commands.hset(selfKey, fields);
        Set<String> gone = new HashSet<>(published);
        gone.removeAll(fields.keySet());
        if (!gone.isEmpty() && !fresh) {
            commands.hdel(selfKey, gone.toArray(String[]::new));
        }
        commands.pexpire(selfKey, ttl().toMillis());
        commands.sadd(keys.nodes(), config.nodeName());
        published = fields.keySet();
    }

    /** How long a node's hash outlives its last beat: a reload at most one interval later drops it. */
    Duration ttl() {
        return config.nodeTimeout().minus(config.heartbeatInterval());
    }

    private void reload(RedisCommands<String, String> commands, long started) {
        Map<String, NodeMeta> live = new HashMap<>();
        List<RemoteSession> stored = new ArrayList<>();
        for (String node : commands.smembers(keys.nodes())) {
            if (node.equals(config.nodeName())) {
                continue;
            }
            Map<String, String> hash = commands.hgetall(keys.node(node));
            if (hash.isEmpty()) {
                commands.srem(keys.nodes(), node); // expired: the node died or was cut off
                continue;
            }
            live.put(node, NodeMeta.decode(hash.getOrDefault(NodeMeta.FIELD, "")));
            hash.forEach((id, entry) -> {
                if (!id.equals(NodeMeta.FIELD)) {
                    SessionEntry.decode(node, id, entry).ifPresent(stored::add);
                }
            });
        }
        view.replace(live, stored, started);
    }

    private void receive(String text) {
        Fields message = Fields.decode(text);
        String from = message.get("n");
        String type = message.get("t");
        if (from == null || type == null || from.equals(config.nodeName())) {
            return;
        }
        String id = message.get("i");
        String line = message.get("l");
        long now = System.nanoTime();
        switch (type) {
            case Message.UPSERT -> {
                if (id != null) {
                    SessionEntry.decode(from, id, message.get("e")).ifPresent(s -> view.upsert(s, now));
                }
            }
            case Message.REMOVE -> {
                if (id != null) {
                    view.remove(id, now);
                }
            }
            case Message.BROADCAST -> {
                if (line != null) {
                    local.broadcastExcept(message.get("x"), line);
                }
            }
            case Message.ROOM -> {
                String room = message.get("r");
                if (room != null && line != null) {
                    local.room(room).broadcastExcept(message.get("x"), line);
                }
            }
            case Message.LINE -> {
                if (id != null && line != null) {
                    local.sendLine(id, line);
                }
            }
            case Message.WATCH -> {
                String streams = message.get("m");
                if (id != null && streams != null) {
                    watched.watch(from, id, streams.contains("l"), streams.contains("t"), now);
                }
            }
            case Message.UNWATCH -> {
                if (id != null) {
                    watched.unwatch(from, id);
                }
            }
            case Message.REFUSED -> {
                if (id != null) {
                    watching.refused(from, id);
                }
            }
            case Message.KICK, Message.INJECT -> {
                if (id != null && line != null) {
                    act(from, type, id, line);
                }
            }
            case Message.BYE -> view.dropNode(from);
            default -> LOG.debug("Cluster message of unknown type '{}' from '{}' ignored", type, from);
        }
    }

    /** Another node's monitor acts on a session of this node. */
    private void act(String from, String type, String id, String text) {
        Optional<ProtocolSession> session = local.live(id);
        String action = type.equals(Message.KICK) ? "kick_session" : "inject_input";
        if (session.isEmpty() || text.length() > SessionActions.MAX_TEXT_CHARS) {
            LOG.info("Monitor of node '{}': {} on session {} failed: {}", from, action, id,
                    session.isEmpty() ? "session not found" : "text too long");
            return;
        }
        LOG.info("Monitor of node '{}': {} on session {}", from, action, id);
        SessionActions.apply(type.equals(Message.KICK), session.get(), text);
    }

    private void up() {
        if (!connected) {
            connected = true;
            if (warned) {
                LOG.info("Cluster node '{}' rejoined through Redis at {}: {} other node(s), {} session(s) there",
                        config.nodeName(), redis.endpoint(), view.nodes().size(), view.count());
            } else {
                LOG.info("Cluster node '{}' joined through Redis at {}: {} other node(s), {} session(s) there",
                        config.nodeName(), redis.endpoint(), view.nodes().size(), view.count());
            }
            warned = false;
        }
    }

    private void down(RuntimeException cause) {
        boolean was = connected;
        connected = false;
        redis.closeConnections();
        out.clear();
        view.clear();
        watching.lost();
        if (!warned) {
            warned = true;
            LOG.warn("Cluster degraded: Redis at {} does not answer ({}); node '{}' serves its own {} session(s) only "
                            + "and retries every {} ms", redis.endpoint(), describe(cause), config.nodeName(),
                    local.count(), config.heartbeatInterval().toMillis());
        } else {
            LOG.debug("Cluster still degraded{}", was ? " (lost again)" : "", cause);
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** Leaves the cluster: this node's hash goes at once and the others drop its sessions. */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            beat.awaitTermination(config.heartbeatInterval().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watching.lost();
        watched.close();
        out.shutdown(1000);
        in.shutdown(1000);
        relay.shutdown(1000);
        if (connected) {
            try {
                RedisCommands<String, String> commands = redis.sync();
                commands.del(selfKey);
                commands.srem(keys.nodes(), config.nodeName());
                commands.publish(keys.events(), event(Message.BYE).encode());
                LOG.info("Cluster node '{}' left", config.nodeName());
            } catch (RuntimeException e) {
                LOG.debug("Leaving the cluster cleanly failed; the others drop this node after its timeout", e);
            }
        }
        connected = false;
        redis.close();
    }
}
