package io.chuk.protocol.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The {@code monitor_token} check, shared by every container integration: a viewer presents the
 * token as {@code Authorization: Bearer <token>}, as a WebSocket subprotocol
 * {@code chuk-token.<base64url(token)>} next to {@link #SUBPROTOCOL} (how a browser page does it:
 * it cannot set headers on a WebSocket, and a query string ends up in access logs), or as
 * {@code ?token=<token>}; none is a 401, a wrong one a 403. Compared in constant time.
 */
public final class MonitorToken {

    /** The outcome of a check, as the HTTP status to answer (0 = let the viewer in). */
    public static final int ALLOWED = 0;
    public static final int MISSING = 401;
    public static final int WRONG = 403;

    /** The subprotocol the monitor agrees to, so a browser that offered a token subprotocol gets an answer it accepts. */
    public static final String SUBPROTOCOL = "chuk-monitor";
    /** The prefix of the subprotocol that carries the token (base64url without padding: subprotocols are HTTP tokens). */
    public static final String TOKEN_SUBPROTOCOL_PREFIX = "chuk-token.";

    private final byte[] token;

    public MonitorToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param queryToken    the {@code token} query parameter, or {@code null}
     */
    public int check(String authorization, String queryToken) {
        return check(authorization, null, queryToken);
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param subprotocols  the {@code Sec-WebSocket-Protocol} header values, comma-separated, or {@code null}
     * @param queryToken    the {@code token} query parameter, or {@code null}
     */
    public int check(String authorization, String subprotocols, String queryToken) {
        String presented = queryToken;
        String offered = fromSubprotocols(subprotocols);
        if (offered != null) {
            presented = offered;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        if (presented == null) {
            return MISSING;
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)) ? ALLOWED : WRONG;
    }

    /** The token of a {@code chuk-token.…} subprotocol; an undecodable one counts as a wrong token, not as none. */
    private static String fromSubprotocols(String subprotocols) {
        if (subprotocols == null) {
            return null;
        }
        for (String protocol : subprotocols.split(",")) {
            String name = protocol.trim();
            if (name.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) {
                try {
                    return new String(Base64.getUrlDecoder().decode(name.substring(TOKEN_SUBPROTOCOL_PREFIX.length())),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return null;
    }
}
