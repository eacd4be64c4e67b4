package io.chuk.protocol.cluster.redis;

/**
 * The Redis names of one cluster, all under its key prefix:
 * {@code PREFIXnodes} (set of node names), {@code PREFIXnode:NAME} (hash: session id to
 * {@link SessionEntry}, plus {@link NodeMeta#FIELD}; expires unless its node refreshes it),
 * {@code PREFIXevents} (channel every node hears), {@code PREFIXto:NAME} (channel of one node) and
 * {@code PREFIXwatch:ID} (channel of one remotely watched session's traffic, see {@link WatchTraffic}).
 */
record Keys(String prefix) {

    String nodes() {
        return prefix + "nodes";
    }

    String node(String name) {
        return prefix + "node:" + name;
    }

    String events() {
        return prefix + "events";
    }

    String inbox(String name) {
        return prefix + "to:" + name;
    }

    String watch(String sessionId) {
        return watchPrefix() + sessionId;
    }

    String watchPrefix() {
        return prefix + "watch:";
    }
}
