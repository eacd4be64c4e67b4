package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics (Prometheus text) and /health on the HTTP connector, opt-in by config. */
class ObservabilityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsShowSessionsBytesAndRefusalsAndHealthIsUp() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  tcp:
                    port: 0
                    transport: tcp
                    max_connections: 1
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_metrics: true
                    enable_health: true
                """);
             LineClient client = new LineClient(running.port("tcp"))) {
            client.await("> ");
            client.send("hello\n");
            client.await("Echo: hello\r\n> ");
            try (LineClient refused = new LineClient(running.port("tcp"))) {
                refused.awaitClose();
            }
            String base = "http://127.0.0.1:" + running.port("websocket");
            HttpResponse<String> metrics = get(base + "/metrics");
            assertEquals(200, metrics.statusCode());
            String text = metrics.body();
            assertTrue(text.contains("chuk_sessions_active{server=\"tcp\",transport=\"tcp\"} 1.0"), text);
            assertTrue(text.contains("chuk_connections_refused_total{reason=\"capacity\",server=\"tcp\",transport=\"tcp\"} 1.0"), text);
            assertTrue(text.contains("chuk_bytes_received_bytes_total{server=\"tcp\",transport=\"tcp\"} 6.0"), text);
            assertTrue(text.contains("chuk_sessions_opened_total{server=\"tcp\",transport=\"tcp\"} 1.0"), text);

            HttpResponse<String> ready = get(base + "/health");
            assertEquals(200, ready.statusCode());
            assertEquals("{\"status\": \"UP\"}", ready.body());
            assertEquals(200, get(base + "/health/live").statusCode());
            assertEquals(404, get(base + "/nothing-here").statusCode());
        }
    }

    @Test
    void operatorEndpointsAreOffUnlessConfigured() throws Exception {
        try (RunningServer running = new RunningServer("""
                port: 0
                transport: websocket
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """)) {
            assertEquals(404, get("http://127.0.0.1:" + running.port("websocket") + "/metrics").statusCode());
            assertEquals(404, get("http://127.0.0.1:" + running.port("websocket") + "/health").statusCode());
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
