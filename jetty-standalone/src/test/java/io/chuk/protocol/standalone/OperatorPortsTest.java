package io.chuk.protocol.standalone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every path on every HTTP port with every method: an entry's operator endpoints, monitor
 * and WebSocket path answer only on that entry's port, only to their methods (others get 405 with
 * {@code Allow}), and everything else is 404, whichever entry the config lists first.
 */
class OperatorPortsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE");
    private static final String RANDOM = "/" + UUID.randomUUID();

    private static final String OPS = """
              ops:
                port: 0
                transport: websocket
                ws_path: /ws
                enable_metrics: true
                enable_health: true
                enable_monitoring: true
                monitor_token: s3cret
                record_sessions: target/operator-ports-recordings
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
            """;
    private static final String OTHERS = """
              chat:
                port: 0
                transport: ws_telnet
                web_terminal: true
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
              plain:
                port: 0
                transport: websocket
                ws_path: /plain
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
              tcp:
                port: 0
                transport: tcp
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
              telnet:
                port: 0
                transport: telnet
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
            """;

    /** Per port, the status of each path for GET, HEAD, POST, PUT and DELETE; unlisted paths are 404 for all. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "ops", Map.of(
                    "/metrics", "200 200 405 405 405",
                    "/health", "200 200 405 405 405",
                    "/health/ready", "200 200 405 405 405",
                    "/health/live", "200 200 405 405 405",
                    "/monitor", "401 405 405 405 405",
                    "/dashboard", "200 200 405 405 405",
                    "/dashboard/recordings", "401 405 405 405 405",
                    "/ws", "404 405 405 405 405"),
            "chat", Map.of("/ws_telnet", "404 405 405 405 405",
                    "/", "200 200 405 405 405",
                    "/vendor/xterm.js", "200 200 405 405 405"),
            "plain", Map.of("/plain", "404 405 405 405 405"));
    private static final List<String> PATHS = List.of("/metrics", "/health", "/health/ready", "/health/live",
            "/monitor", "/dashboard", "/dashboard/recordings", "/ws", "/ws_telnet", "/plain", "/", "/vendor/xterm.js", RANDOM);
    /** The Allow header of a 405 on each path. */
    private static final Map<String, String> ALLOW = Map.ofEntries(
            Map.entry("/metrics", "GET, HEAD"),
            Map.entry("/health", "GET, HEAD"),
            Map.entry("/health/ready", "GET, HEAD"),
            Map.entry("/health/live", "GET, HEAD"),
            Map.entry("/monitor", "GET"),
            Map.entry("/dashboard", "GET, HEAD"),
            Map.entry("/dashboard/recordings", "GET"),
            Map.entry("/ws", "GET"),
            Map.entry("/ws_telnet", "GET"),
            Map.entry("/plain", "GET"),
            Map.entry("/", "GET, HEAD"),
            Map.entry("/vendor/xterm.js", "GET, HEAD"));
    private static final Map<String, String> WS_PATHS = Map.of("ops", "/ws", "chat", "/ws_telnet", "plain", "/plain");

    @ParameterizedTest(name = "operator entry listed {0}")
    @ValueSource(strings = {"first", "last"})
    void everyPathAnswersOnlyOnItsOwnPortAndOnlyToItsMethods(String position) throws Exception {
        String yaml = "servers:\n" + (position.equals("first") ? OPS + OTHERS : OTHERS + OPS);
        try (RunningServer running = new RunningServer(yaml)) {
            List<String> mismatches = new ArrayList<>();
            for (String entry : EXPECTED.keySet()) {
                for (String path : PATHS) {
                    String[] statuses = EXPECTED.get(entry).getOrDefault(path, "404 404 404 404 404").split(" ");
                    for (int i = 0; i < METHODS.size(); i++) {
                        String method = METHODS.get(i);
                        HttpResponse<String> response = send(running.port(entry), method, path);
                        String expected = statuses[i] + (statuses[i].equals("405") ? " Allow: " + ALLOW.get(path) : "");
                        String got = response.statusCode() + response.headers().firstValue("Allow").map(a -> " Allow: " + a).orElse("");
                        if (!expected.equals(got)) {
                            mismatches.add(entry + " " + method + " " + path + ": expected " + expected + ", got " + got);
                        }
                        if (method.equals("HEAD") && !response.body().isEmpty()) {
                            mismatches.add(entry + " HEAD " + path + " has a body");
                        }
                    }
                }
            }
            assertEquals(List.of(), mismatches);

            assertTrue(send(running.port("ops"), "GET", "/metrics").body().contains("chuk_sessions_active"));
            assertTrue(send(running.port("chat"), "GET", "/").body().contains("data-ws-path=\"/ws_telnet\""));
            for (String entry : WS_PATHS.keySet()) {
                for (Map.Entry<String, String> other : WS_PATHS.entrySet()) {
                    String uri = running.ws(entry, other.getValue());
                    if (other.getKey().equals(entry)) {
                        try (WsClient client = WsClient.connect(uri)) {
                            assertTrue(client.next().startsWith(entry.equals("chat") ? "BINARY" : "TEXT"), uri);
                        }
                    } else {
                        assertEquals(404, handshakeStatus(uri), uri);
                    }
                }
            }
            assertEquals(404, handshakeStatus(running.ws("plain", "/monitor?token=s3cret")));
        }
    }

    private static HttpResponse<String> send(int port, String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("POST") || method.equals("PUT")
                ? HttpRequest.BodyPublishers.ofString("x=1") : HttpRequest.BodyPublishers.noBody();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int handshakeStatus(String uri) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(uri), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        return assertInstanceOf(WebSocketHandshakeException.class, failure.getCause()).getResponse().statusCode();
    }
}
