package io.chuk.protocol.websocket;

import io.chuk.protocol.api.RequestInfo;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The handshake step of every endpoint, portable to any Jakarta container.
 *
 * <p>Enforces {@code allow_origins} before the upgrade: a browser page from another origin gets
 * HTTP 403 and never reaches a session. {@code *} allows every origin; otherwise origins match
 * exactly (ignoring case and a trailing slash). Requests without an {@code Origin} header come
 * from non-browser clients and are allowed: the check exists to stop other web sites from
 * driving a visitor's browser. Also records the request path, {@code User-Agent} and
 * {@code X-Forwarded-For} and, in the WAR, the {@link PeerAddress} (the containers give each
 * handshake its own copy of the user properties).
 */
final class HandshakeCheck extends ServerEndpointConfig.Configurator {

    static final String REQUEST_PROPERTY = "io.chuk.protocol.request";
    static final String FORWARDED_FOR_PROPERTY = "io.chuk.protocol.forwardedFor";
    static final String PEER_PROPERTY = "io.chuk.protocol.peer";

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    private final List<String> allowed;
    private final boolean any;
    private final boolean ownPages;

    /**
     * @param allowOrigins    the entry's {@code allow_origins}
     * @param wildcardAllowed whether {@code *} may open this endpoint to every web page; the
     *                        monitor passes false, so only listed dashboards (or non-browser
     *                        clients) can watch other people's sessions
     */
    HandshakeCheck(List<String> allowOrigins, boolean wildcardAllowed) {
        this.any = wildcardAllowed && allowOrigins.contains("*");
        this.ownPages = !wildcardAllowed;
        this.allowed = allowOrigins.stream().map(HandshakeCheck::normalise).toList();
    }

    @Override
    public boolean checkOrigin(String origin) {
        if (any || origin == null || listed(origin)) {
            return true;
        }
        if (ownPages && PageOrigin.mayBeOwn(origin)) {
            return true; // the endpoint compares it with the Host header once the request is known (PageOrigin)
        }
        LOG.warn("Rejected WebSocket handshake from origin '{}' (allow_origins: {})", origin, allowed);
        return false;
    }

    /** Whether {@code origin} is one of {@code allow_origins} (or they allow any). */
    boolean listed(String origin) {
        return any || allowed.contains(normalise(origin));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        String query = request.getQueryString();
        String path = request.getRequestURI() == null ? null : request.getRequestURI().getRawPath();
        config.getUserProperties().put(REQUEST_PROPERTY, requestInfo(request, path, query));
        List<String> peer = header(request, PeerAddress.HEADER);
        if (peer != null && peer.size() == 1) {
            config.getUserProperties().put(PEER_PROPERTY, peer.get(0));
        }
        List<String> forwarded = header(request, "X-Forwarded-For");
        if (forwarded != null && !forwarded.isEmpty()) {
            config.getUserProperties().put(FORWARDED_FOR_PROPERTY, String.join(",", forwarded));
        }
    }

    /**
     * What a handler may read of the handshake: path, query, parameters and headers, without the
     * framework's own secret peer-address header. The subprotocol is filled in once agreed.
     */
    private static RequestInfo requestInfo(HandshakeRequest request, String path, String query) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(PeerAddress.HEADER)) {
                headers.put(name, values);
            }
        });
        return new RequestInfo(path, query, request.getParameterMap(), headers, "");
    }

    /** A request header, whatever case the container stored its name in. */
    private static List<String> header(HandshakeRequest request, String name) {
        for (var entry : request.getHeaders().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
