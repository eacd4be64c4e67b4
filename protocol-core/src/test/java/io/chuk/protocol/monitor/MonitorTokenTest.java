package io.chuk.protocol.monitor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each way a viewer presents the monitor token, and what counts as none or a wrong one. */
class MonitorTokenTest {

    private final MonitorToken token = new MonitorToken("s3cr\u00e9t");

    private static String subprotocol(String text) {
        return MonitorToken.TOKEN_SUBPROTOCOL_PREFIX
                + Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTokenMayComeAsHeaderSubprotocolOrQuery() {
        assertEquals(MonitorToken.ALLOWED, token.check("Bearer s3cr\u00e9t", null, null));
        assertEquals(MonitorToken.ALLOWED, token.check(null, "chuk-monitor, " + subprotocol("s3cr\u00e9t"), null));
        assertEquals(MonitorToken.ALLOWED, token.check(null, null, "s3cr\u00e9t"));
        assertEquals(MonitorToken.ALLOWED, token.check(null, "s3cr\u00e9t"));
    }

    @Test
    void noneIs401AndAWrongOrUndecodableOne403() {
        assertEquals(MonitorToken.MISSING, token.check(null, null, null));
        assertEquals(MonitorToken.MISSING, token.check(null, "chuk-monitor", null));
        assertEquals(MonitorToken.WRONG, token.check(null, "chuk-monitor," + subprotocol("guess"), null));
        assertEquals(MonitorToken.WRONG, token.check(null, MonitorToken.TOKEN_SUBPROTOCOL_PREFIX + "!!!", null));
        // A header beats the other ways: a right subprotocol does not rescue a wrong header.
        assertEquals(MonitorToken.WRONG, token.check("Bearer guess", subprotocol("s3cr\u00e9t"), null));
    }
}
