package io.chuk.protocol.config;

import java.time.Duration;

/**
 * The top-level {@code cluster:} section: several server processes share one session directory
 * through Redis. Keys are declared in {@link ClusterKeys}.
 *
 * @param redisUri          {@code redis_uri}, such as {@code redis://127.0.0.1:6379}
 * @param nodeName          {@code node_name}: this process's name in the cluster (default host name and pid)
 * @param keyPrefix         {@code key_prefix}: put before every Redis key and channel name
 * @param heartbeatInterval {@code heartbeat_interval}: how often this node republishes its sessions
 *                          and reloads the others'
 * @param nodeTimeout       {@code node_timeout}: a node not heard of for this long is dropped with its sessions
 */
public record ClusterConfig(String redisUri, String nodeName, String keyPrefix, Duration heartbeatInterval,
                            Duration nodeTimeout) {
}
