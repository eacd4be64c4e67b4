package io.chuk.protocol.monitor;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.session.ProtocolSession;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session as viewers see it in {@code active_sessions}, {@code session_started},
 * {@code session_ended} and {@code session_updated}: the original's fields, then what a dashboard
 * shows (activity, terminal, the application's attributes). Attributes are bounded, as handlers
 * may store anything: at most {@link #MAX_ATTRIBUTES} (by name), each value's text cut at
 * {@link #MAX_ATTRIBUTE_CHARS} characters. In a cluster every session also names its {@code node};
 * another node's session is described from the cluster directory's snapshot, which knows
 * neither its activity nor its terminal.
 */
final class SessionDescription {

    static final int MAX_ATTRIBUTES = 32;
    static final int MAX_ATTRIBUTE_CHARS = 256;

    private SessionDescription() {
    }

    /** A session of this node; {@code node} is this node's name in a cluster, else null. */
    static Map<String, Object> of(Session session, String status, boolean newest, Instant now, String node) {
        Map<String, Object> client = new LinkedHashMap<>();
        InetSocketAddress address = session.remoteAddress();
        client.put("remote_addr", List.of(address.getHostString(), address.getPort()));
        if (session instanceof ProtocolSession protocolSession) {
            client.put("path", protocolSession.requestPath());
            client.put("user_agent", protocolSession.userAgent());
        }
        Map<String, Object> described = common(session.id(), client, session.startTime(), status, newest,
                session.transport().yamlName(), session.serverName(), node);
        Instant lastActivity = session.lastActivity();
        described.put("last_activity", epochSeconds(lastActivity));
        described.put("idle_seconds", Math.max(0, Duration.between(lastActivity, now).toSeconds()));
        session.terminal().ifPresent(terminal -> described.put("terminal", terminal(terminal)));
        described.put("attributes", attributes(session.attributes()));
        return described;
    }

    /** A session of another node, from the cluster directory's snapshot (which names its node). */
    static Map<String, Object> remote(SessionInfo info, String status) {
        Map<String, Object> client = new LinkedHashMap<>();
        InetSocketAddress address = info.remoteAddress();
        client.put("remote_addr", address == null ? null : List.of(address.getHostString(), address.getPort()));
        client.put("path", null);
        client.put("user_agent", null);
        Map<String, Object> described = common(info.id(), client, info.startTime(), status, false,
                info.transport().yamlName(), info.serverName(), OtherNodes.nodeOf(info));
        Map<String, Object> attributes = new LinkedHashMap<>(info.attributes());
        attributes.remove(ClusterDirectory.NODE_ATTRIBUTE);
        described.put("attributes", attributes(attributes));
        return described;
    }

    private static Map<String, Object> common(String id, Map<String, Object> client, Instant start, String status,
                                              boolean newest, String transport, String server, String node) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", id);
        described.put("client", client);
        described.put("start_time", epochSeconds(start));
        described.put("status", status);
        described.put("is_newest", newest);
        described.put("transport", transport);
        described.put("server", server);
        if (node != null) {
            described.put("node", node);
        }
        return described;
    }

    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static Map<String, Object> terminal(TerminalInfo terminal) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("type", terminal.terminalType());
        described.put("width", terminal.width());
        described.put("height", terminal.height());
        return described;
    }

    private static Map<String, Object> attributes(Map<String, Object> attributes) {
        Map<String, Object> described = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attribute : new TreeMap<>(attributes).entrySet()) {
            if (described.size() == MAX_ATTRIBUTES) {
                break;
            }
            String text = String.valueOf(attribute.getValue());
            described.put(attribute.getKey(), text.length() > MAX_ATTRIBUTE_CHARS ? text.substring(0, MAX_ATTRIBUTE_CHARS) : text);
        }
        return described;
    }
}
