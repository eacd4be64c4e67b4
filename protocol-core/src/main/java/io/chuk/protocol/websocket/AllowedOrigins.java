package io.chuk.protocol.websocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Which browser pages may open an endpoint ({@code allow_origins}), decided before the upgrade:
 * a page from another origin gets HTTP 403 and never reaches a session. {@code *} allows every
 * origin; otherwise origins match exactly (ignoring case and a trailing slash). Requests without
 * an {@code Origin} header come from non-browser clients and are allowed: the check exists to
 * stop other web sites from driving a visitor's browser. Every container adapter asks this one.
 */
public final class AllowedOrigins {

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
    public AllowedOrigins(List<String> allowOrigins, boolean wildcardAllowed) {
        this.any = wildcardAllowed && allowOrigins.contains("*");
        this.ownPages = !wildcardAllowed;
        this.allowed = allowOrigins.stream().map(AllowedOrigins::normalise).toList();
    }

    /** Whether a handshake with this {@code Origin} header (or none) may go on; a refusal is logged. */
    public boolean admits(String origin) {
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

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
