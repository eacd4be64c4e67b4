package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.session.SessionTap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * This node's monitor watching sessions of other nodes. Each watch subscribes to the session's
 * channel, then asks the session's node ({@link Message#WATCH}) to tap it, and asks again every
 * heartbeat: that renews its lease there. A watch ends when it is stopped
 * ({@link Message#UNWATCH}), when the session's node says the session ended, when the session
 * leaves this node's view (its node died or left), or when this node loses Redis. At most
 * {@link #MAX_WATCHES} at once.
 */
final class RemoteWatches implements RemoteMonitoring {

    /** Sessions of other nodes this node watches at once. */
    static final int MAX_WATCHES = 64;

    private final ClusterNode node;
    private final Keys keys;
    private final ClusterView view;
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    RemoteWatches(ClusterNode node, Keys keys, ClusterView view) {
        this.node = node;
        this.keys = keys;
        this.view = view;
    }

    @Override
    public Optional<Watch> watch(String owner, String sessionId, boolean lines, boolean terminal, SessionTap tap,
                                 Consumer<End> ended) {
        Relay relay = new Relay(owner, sessionId, tap, ended, lines, terminal);
        synchronized (this) {
            if (!node.connected() || relays.size() >= MAX_WATCHES && !relays.containsKey(sessionId)) {
                return Optional.empty();
            }
            relays.put(sessionId, relay); // the monitor holds one watch per session: any older one was stopped
        }
        // Subscribed before asking, so nothing the session's node publishes is missed.
        if (!node.submit(redis -> {
            redis.subscribe(relay.channel);
            relay.ask(redis);
        })) {
            relays.remove(sessionId, relay);
            return Optional.empty();
        }
        return Optional.of(relay);
    }

    @Override
    public boolean kick(String owner, String sessionId, String message) {
        return action(Message.KICK, owner, sessionId, message);
    }

    @Override
    public boolean inject(String owner, String sessionId, String text) {
        return action(Message.INJECT, owner, sessionId, text);
    }

    /** The monitor has checked the text; publishing says false while the node is degraded. */
    private boolean action(String type, String owner, String sessionId, String text) {
        return node.publish(keys.inbox(owner), Message.of(type, node.name()).add("i", sessionId).add("l", text).encode());
    }

    /** A message on a watch channel; on the relay thread. */
    void receive(String channel, String message) {
        Relay relay = relays.get(channel.substring(keys.watchPrefix().length()));
        if (relay != null) {
            WatchTraffic.deliver(message, relay.owner, relay.tap).ifPresent(relay::end);
        }
    }

    /** The session's node refused a watch. */
    void refused(String from, String sessionId) {
        Relay relay = relays.get(sessionId);
        if (relay != null && relay.owner.equals(from)) {
            relay.end(End.REFUSED);
        }
    }

    /** Each heartbeat: watches of sessions gone from the view end, the others renew their lease. */
    void renew() {
        for (Relay relay : List.copyOf(relays.values())) {
            if (view.find(relay.sessionId).isEmpty()) {
                relay.end(End.SESSION_ENDED);
            } else {
                node.submit(relay::ask);
            }
        }
    }

    /** Redis is out of reach: every watch ends (the subscriptions went with the connection). */
    void lost() {
        for (Relay relay : List.copyOf(relays.values())) {
            relay.end(End.NODE_UNREACHABLE);
        }
    }

    private final class Relay implements Watch {
        private final String owner;
        private final String sessionId;
        private final String channel;
        private final SessionTap tap;
        private final Consumer<End> ended;
        private volatile boolean lines;
        private volatile boolean terminal;

        Relay(String owner, String sessionId, SessionTap tap, Consumer<End> ended, boolean lines, boolean terminal) {
            this.owner = owner;
            this.sessionId = sessionId;
            this.channel = keys.watch(sessionId);
            this.tap = tap;
            this.ended = ended;
            this.lines = lines;
            this.terminal = terminal;
        }

        @Override
        public void streams(boolean lines, boolean terminal) {
            if (lines != this.lines || terminal != this.terminal) {
                this.lines = lines;
                this.terminal = terminal;
                node.submit(this::ask);
            }
        }

        @Override
        public void stop() {
            if (relays.remove(sessionId, this)) {
                String request = Message.of(Message.UNWATCH, node.name()).add("i", sessionId).encode();
                node.submit(redis -> {
                    redis.async().publish(keys.inbox(owner), request);
                    redis.unsubscribe(channel);
                });
            }
        }

        /** The watch request, which is also the lease's renewal. */
        private void ask(RedisConnections redis) {
            String streams = (lines ? "l" : "") + (terminal ? "t" : "");
            redis.async().publish(keys.inbox(owner), Message.of(Message.WATCH, node.name())
                    .add("i", sessionId).add("m", streams).encode());
        }

        private void end(End why) {
            if (relays.remove(sessionId, this)) {
                node.submit(redis -> redis.unsubscribe(channel));
                ended.accept(why);
            }
        }
    }
}
