package io.chuk.protocol.websocket;

import io.chuk.protocol.api.RequestInfo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The monitor's exception to {@code allow_origins}: a page the server itself served (the operator
 * dashboard, whose origin is the monitor's own scheme, host and port) may watch without being
 * listed, but only when that host is an IP address or {@code localhost}. A page on a DNS name
 * could be another site whose name was rebound to this server, so named hosts must be listed.
 */
final class PageOrigin {

    private PageOrigin() {
    }

    /** Whether {@code origin} could be the server's own page (checked against the request by {@link #isOwn}). */
    static boolean mayBeOwn(String origin) {
        String host = host(origin);
        return host != null && (host.equals("localhost") || host.startsWith("[") || host.matches("[0-9.]+"));
    }

    /** Whether the handshake's {@code Origin} is {@code http(s)://<its Host header>} on an address host. */
    static boolean isOwn(RequestInfo request) {
        String origin = request.header("Origin").orElse(null);
        String hostHeader = request.header("Host").orElse(null);
        if (origin == null || hostHeader == null || !mayBeOwn(origin)) {
            return false;
        }
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        return normalised.equals("http://" + host) || normalised.equals("https://" + host);
    }

    private static String host(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme();
            if (uri.getRawAuthority() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
            if (authority.startsWith("[")) {
                return authority.substring(0, authority.indexOf(']') + 1);
            }
            int colon = authority.indexOf(':');
            return colon < 0 ? authority : authority.substring(0, colon);
        } catch (URISyntaxException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
