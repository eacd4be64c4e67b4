package io.chuk.protocol.cluster.redis;

import java.time.Instant;
import java.util.List;

/** What a node says of itself in the reserved field of its hash: when it started, its server entries. */
record NodeMeta(Instant startTime, List<String> servers) {

    /** The field of a node's hash that holds this, not a session. */
    static final String FIELD = "~node";

    NodeMeta {
        servers = List.copyOf(servers);
    }

    String encode() {
        Fields fields = new Fields().add("st", Long.toString(startTime.toEpochMilli()));
        servers.forEach(server -> fields.add("sv", server));
        return fields.encode();
    }

    static NodeMeta decode(String text) {
        Fields fields = Fields.decode(text);
        Instant start;
        try {
            start = Instant.ofEpochMilli(Long.parseLong(fields.first("st").orElse("0")));
        } catch (NumberFormatException e) {
            start = Instant.EPOCH;
        }
        return new NodeMeta(start, fields.all("sv"));
    }
}
