package io.chuk.protocol.websocket;

import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Enforces {@code allow_origins} during the handshake, before the upgrade: a browser page from
 * another origin gets HTTP 403 and never reaches a session. {@code *} allows every origin;
 * otherwise origins match exactly (ignoring case and a trailing slash). Requests without an
 * {@code Origin} header come from non-browser clients and are allowed: the check exists to stop
 * other web sites from driving a visitor's browser.
 */
final class OriginCheck extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    private final List<String> allowed;
    private final boolean any;

    OriginCheck(List<String> allowOrigins) {
        this.any = allowOrigins.contains("*");
        this.allowed = allowOrigins.stream().map(OriginCheck::normalise).toList();
    }

    @Override
    public boolean checkOrigin(String origin) {
        if (any || origin == null || allowed.contains(normalise(origin))) {
            return true;
        }
        LOG.warn("Rejected WebSocket handshake from origin '{}' (allow_origins: {})", origin, allowed);
        return false;
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
