package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.cluster.ClusterDirectory;

import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.Transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A session as a node publishes it: one field of the node's hash, {@link Fields} text with the
 * server name, transport, client address, start time, rooms and attributes (as text).
 */
final class SessionEntry {

    private static final String ATTRIBUTE = "x.";

    private SessionEntry() {
    }

    static String encode(SessionInfo info, Set<String> rooms) {
        Fields fields = new Fields()
                .add("s", info.serverName())
                .add("t", info.transport().yamlName())
                .add("st", Long.toString(info.startTime().toEpochMilli()));
        InetSocketAddress remote = info.remoteAddress();
        if (remote != null) {
            fields.add("a", remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString())
                    .add("p", Integer.toString(remote.getPort()));
        }
        rooms.forEach(room -> fields.add("r", room));
        info.attributes().forEach((name, value) -> {
            if (value != null && !name.equals(ClusterDirectory.NODE_ATTRIBUTE)) {
                fields.add(ATTRIBUTE + name, value.toString());
            }
        });
        return fields.encode();
    }

    /** The session a field holds, or empty when the text is not a session of this format. */
    static Optional<RemoteSession> decode(String node, String id, String text) {
        Fields fields = Fields.decode(text);
        Optional<Transport> transport = fields.first("t").flatMap(Transport::fromName);
        String server = fields.get("s");
        if (transport.isEmpty() || server == null) {
            return Optional.empty();
        }
        Instant start;
        int port;
        try {
            start = Instant.ofEpochMilli(Long.parseLong(fields.first("st").orElse("0")));
            port = Integer.parseInt(fields.first("p").orElse("0"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : fields.pairs()) {
            if (pair.getKey().startsWith(ATTRIBUTE)) {
                attributes.put(pair.getKey().substring(ATTRIBUTE.length()), pair.getValue());
            }
        }
        attributes.put(ClusterDirectory.NODE_ATTRIBUTE, node);
        SessionInfo info = new SessionInfo(id, server, transport.get(), address(fields.get("a"), port), start,
                attributes);
        return Optional.of(new RemoteSession(node, info, Set.copyOf(fields.all("r"))));
    }

    /** The same snapshot with this node's name attached, as the cluster directory shows local sessions. */
    static SessionInfo withNode(SessionInfo info, String node) {
        Map<String, Object> attributes = new LinkedHashMap<>(info.attributes());
        attributes.put(ClusterDirectory.NODE_ATTRIBUTE, node);
        return new SessionInfo(info.id(), info.serverName(), info.transport(), info.remoteAddress(), info.startTime(),
                attributes);
    }

    private static InetSocketAddress address(String host, int port) {
        if (host == null || port < 0 || port > 65535) {
            return null;
        }
        try {
            // An address literal as encoded: parsed, never looked up.
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException | SecurityException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
    }
}
