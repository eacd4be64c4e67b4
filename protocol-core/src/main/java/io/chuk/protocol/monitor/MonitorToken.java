package io.chuk.protocol.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The {@code monitor_token} check, shared by every container integration: a viewer presents the
 * token as {@code Authorization: Bearer <token>} or {@code ?token=<token>}; none is a 401, a wrong
 * one a 403. Compared in constant time.
 */
public final class MonitorToken {

    /** The outcome of a check, as the HTTP status to answer (0 = let the viewer in). */
    public static final int ALLOWED = 0;
    public static final int MISSING = 401;
    public static final int WRONG = 403;

    private final byte[] token;

    public MonitorToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param queryToken    the {@code token} query parameter, or {@code null}
     */
    public int check(String authorization, String queryToken) {
        String presented = queryToken;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        if (presented == null) {
            return MISSING;
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)) ? ALLOWED : WRONG;
    }
}
