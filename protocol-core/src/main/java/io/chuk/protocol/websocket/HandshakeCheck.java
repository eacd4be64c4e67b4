package io.chuk.protocol.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The handshake step of every Jakarta endpoint, portable to any Jakarta container: enforces
 * {@code allow_origins} ({@link AllowedOrigins}) before the upgrade, and records the request
 * ({@link HandshakeInfo}), {@code X-Forwarded-For} and, in the WAR, the {@link PeerAddress} (the
 * containers give each handshake its own copy of the user properties).
 */
final class HandshakeCheck extends ServerEndpointConfig.Configurator {

    static final String REQUEST_PROPERTY = "io.chuk.protocol.request";
    static final String FORWARDED_FOR_PROPERTY = "io.chuk.protocol.forwardedFor";
    static final String PEER_PROPERTY = "io.chuk.protocol.peer";

    private final AllowedOrigins origins;

    /** See {@link AllowedOrigins#AllowedOrigins(List, boolean)}. */
    HandshakeCheck(List<String> allowOrigins, boolean wildcardAllowed) {
        this.origins = new AllowedOrigins(allowOrigins, wildcardAllowed);
    }

    @Override
    public boolean checkOrigin(String origin) {
        return origins.admits(origin);
    }

    /** Whether {@code origin} is one of {@code allow_origins} (or they allow any). */
    boolean listed(String origin) {
        return origins.listed(origin);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        String query = request.getQueryString();
        String path = request.getRequestURI() == null ? null : request.getRequestURI().getRawPath();
        config.getUserProperties().put(REQUEST_PROPERTY, HandshakeInfo.of(path, query, request.getParameterMap(),
                request.getHeaders()));
        List<String> peer = header(request, PeerAddress.HEADER);
        if (peer != null && peer.size() == 1) {
            config.getUserProperties().put(PEER_PROPERTY, peer.get(0));
        }
        List<String> forwarded = header(request, "X-Forwarded-For");
        if (forwarded != null && !forwarded.isEmpty()) {
            config.getUserProperties().put(FORWARDED_FOR_PROPERTY, String.join(",", forwarded));
        }
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
}
