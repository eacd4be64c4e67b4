package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code max_pending_connections} and {@code request_header_timeout}: defaults, values and bounds. */
class HttpPortLimitsConfigTest {

    private static final String ENTRY = "transport: websocket\nhandler_class: " + GoodHandler.class.getName() + "\n";

    private final ConfigLoader loader = new ConfigLoader(HttpPortLimitsConfigTest.class.getClassLoader());

    private Limits limits(String extra) throws ConfigException {
        return loader.parse(ENTRY + extra, "test.yaml").servers().get(0).limits();
    }

    @Test
    void defaultsBoundEveryPort() throws Exception {
        Limits limits = limits("");
        assertEquals(100, limits.maxPendingConnections());
        assertEquals(Duration.ofSeconds(10), limits.requestHeaderTimeout());
    }

    @Test
    void valuesAreRead() throws Exception {
        Limits limits = limits("max_pending_connections: 7\nrequest_header_timeout: 2.5\n");
        assertEquals(7, limits.maxPendingConnections());
        assertEquals(Duration.ofMillis(2500), limits.requestHeaderTimeout());
        assertEquals(0, limits("max_pending_connections: 0\n").maxPendingConnections(), "0 = no limit");
        assertEquals(Duration.ZERO, limits("request_header_timeout: 0\n").requestHeaderTimeout(), "0 = no deadline");
    }

    @Test
    void badValuesAreReportedUnderTheirKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> limits("max_pending_connections: -1\nrequest_header_timeout: soon\n"));
        assertTrue(e.getMessage().contains("test.yaml: max_pending_connections: must be between 0 and"), e.getMessage());
        assertTrue(e.getMessage().contains("test.yaml: request_header_timeout: must be a number of seconds"), e.getMessage());
    }
}
