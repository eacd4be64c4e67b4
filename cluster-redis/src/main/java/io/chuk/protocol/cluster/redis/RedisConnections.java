package io.chuk.protocol.cluster.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The three Redis connections of a node: one for the heartbeat's commands, one for the events it
 * sends (so a burst of them never delays a heartbeat) and one subscribed to its channels. No
 * automatic reconnection and no buffering while disconnected: the heartbeat notices a broken
 * connection, drops both and opens them again at its next beat, so a node is either connected
 * or degraded, never silently queueing.
 */
final class RedisConnections implements AutoCloseable {

    /** Commands allowed in flight on the command connection before more are refused. */
    private static final int REQUEST_QUEUE = 10_000;

    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisConnection<String, String> sending;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;

    RedisConnections(String redisUri, Duration timeout) {
        this.uri = RedisURI.create(redisUri);
        uri.setTimeout(timeout);
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
    }

    /** Where the store is, for logs: host and port only, never the password. */
    String endpoint() {
        return uri.getHost() + ":" + uri.getPort();
    }

    boolean isOpen() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisConnection<String, String> o = sending;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        return c != null && c.isOpen() && o != null && o.isOpen() && s != null && s.isOpen();
    }

    /** Connects both and subscribes to {@code channels}; messages go to {@code listener} on Lettuce's thread. */
    void open(BiConsumer<String, String> listener, String... channels) {
        closeConnections();
        StatefulRedisConnection<String, String> c = client.connect();
        StatefulRedisConnection<String, String> o;
        StatefulRedisPubSubConnection<String, String> s;
        try {
            o = client.connect();
        } catch (RuntimeException e) {
            c.closeAsync();
            throw e;
        }
        try {
            s = client.connectPubSub();
        } catch (RuntimeException e) {
            c.closeAsync();
            o.closeAsync();
            throw e;
        }
        s.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                listener.accept(channel, message);
            }
        });
        commands = c;
        sending = o;
        subscription = s;
        s.sync().subscribe(channels);
    }

    /** Blocking commands, each bounded by the timeout; for the heartbeat thread. */
    RedisCommands<String, String> sync() {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null) {
            throw new IllegalStateException("not connected");
        }
        return c.sync();
    }

    /** Fire-and-forget commands; for the sending thread. */
    RedisAsyncCommands<String, String> async() {
        StatefulRedisConnection<String, String> c = sending;
        if (c == null) {
            throw new IllegalStateException("not connected");
        }
        return c.async();
    }

    /** Adds a channel to the subscription, waiting (bounded by the timeout) until Redis confirms; for the sending thread. */
    void subscribe(String channel) {
        subscription().sync().subscribe(channel);
    }

    void unsubscribe(String channel) {
        subscription().sync().unsubscribe(channel);
    }

    private StatefulRedisPubSubConnection<String, String> subscription() {
        StatefulRedisPubSubConnection<String, String> s = subscription;
        if (s == null) {
            throw new IllegalStateException("not connected");
        }
        return s;
    }

    void closeConnections() {
        StatefulRedisConnection<String, String> c = commands;
        StatefulRedisConnection<String, String> o = sending;
        StatefulRedisPubSubConnection<String, String> s = subscription;
        commands = null;
        sending = null;
        subscription = null;
        if (c != null) {
            c.closeAsync();
        }
        if (o != null) {
            o.closeAsync();
        }
        if (s != null) {
            s.closeAsync();
        }
    }

    @Override
    public void close() {
        // The client closes every connection it opened (closing them here first makes it warn about each one).
        commands = null;
        sending = null;
        subscription = null;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        // Waited for: in a web app, an I/O thread still running after the undeployment holds its class loader.
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
