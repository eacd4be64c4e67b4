package io.chuk.protocol.container;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root Containerfile's image, built with podman on a Debian JRE base and run on the host's
 * network: which YAML it runs, the echo on every transport from the host, the goodbye and exit 0
 * on {@code podman stop}, exit 1 on a bad YAML, a non-root user and a working HEALTHCHECK.
 */
class ServerImageIT {
    private static final String HANDLER = "io.chuk.protocol.samples.echo:EchoTelnetHandler";
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String GOODBYE = "Server is shutting down. Goodbye!";

    private static String image;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildImage() {
        image = Podman.serverImage();
    }

    private static String entry(String name, String transport, String host, int port, String extra) {
        return "  " + name + ":\n    transport: " + transport + "\n    host: \"" + host + "\"\n    port: " + port
                + "\n    handler_class: \"" + HANDLER + "\"\n    welcome_message: \"Hello " + name + "\"\n" + extra;
    }

    private static String mount(Path file, String target) {
        return file.toAbsolutePath() + ":" + target + ":ro";
    }

    @Test
    void theImageDefaultServesTheEchoOnAllAddressesWithHealthAndWithoutTheMonitor() throws Exception {
        for (int port = 8023; port <= 8026; port++) {
            assertFalse(Clients.accepts(port), "port " + port + " is taken on this host; the image default needs it");
        }
        try (Container container = Container.run(image, List.of())) {
            container.awaitPort(8026, START);
            String logs = container.awaitLog("ws://0.0.0.0:8026/ws_telnet", START);
            assertTrue(logs.contains("Configuration: /opt/chuk/default.yaml"), logs);
            assertTrue(logs.contains("0.0.0.0:8023") && logs.contains("ws://0.0.0.0:8025/ws"), logs);
            try (Clients.Line telnet = new Clients.Line(8023); Clients.Line tcp = new Clients.Line(8024);
                 Clients.Ws ws = new Clients.Ws("ws://127.0.0.1:8025/ws")) {
                telnet.await("Welcome to the Telnet Server!");
                tcp.await("Welcome to the TCP Server!");
                tcp.send("hello\n");
                tcp.await("Echo: hello");
                ws.send("over ws");
                assertEquals("Echo: over ws", ws.await("Echo:"));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertEquals(404, get(http, "http://127.0.0.1:8025/monitor"), "the image default has no monitor");
            assertEquals(200, get(http, "http://127.0.0.1:8025/health/ready"));
            Podman.Result health = container.podman("healthcheck", "run");
            assertEquals(0, health.exitCode(), health.output());
            assertEquals(0, container.stop(GRACE), container.logs());
        }
    }

    private static int get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aMountedYamlServesEveryTransportAndStopSaysGoodbyeWithExitZero() throws Exception {
        int telnetPort = Clients.freePort();
        int tcpPort = Clients.freePort();
        int wsPort = Clients.freePort();
        Path yaml = Files.writeString(dir.resolve("protocol.yaml"), "servers:\n"
                + entry("telnet", "telnet", "0.0.0.0", telnetPort, "")
                + entry("tcp", "tcp", "127.0.0.1", tcpPort, "")
                + entry("websocket", "websocket", "127.0.0.1", wsPort, "    ws_path: /ws\n    enable_health: true\n"));
        try (Container container = Container.run(image, List.of("-v", mount(yaml, "/config/protocol.yaml"),
                "-e", "CHUK_HEALTH_URL=http://127.0.0.1:" + wsPort + "/health/ready"))) {
            container.awaitPort(wsPort, START);
            container.awaitPort(tcpPort, START);
            container.awaitPort(telnetPort, START);
            assertTrue(container.logs().contains("Configuration: /config/protocol.yaml"), container.logs());

            Podman.Result uid = container.exec("id", "-u");
            assertEquals(0, uid.exitCode(), uid.output());
            assertNotEquals("0", uid.output().strip(), "the server must not run as root");
            Podman.Result health = container.podman("healthcheck", "run");
            assertEquals(0, health.exitCode(), health.output());

            try (Clients.Line telnet = new Clients.Line(telnetPort); Clients.Line tcp = new Clients.Line(tcpPort);
                 Clients.Ws ws = new Clients.Ws("ws://127.0.0.1:" + wsPort + "/ws")) {
                telnet.await("Hello telnet");
                telnet.send("from telnet\r\n");
                telnet.await("Echo: from telnet");
                tcp.await("Hello tcp");
                tcp.send("from tcp\n");
                tcp.await("Echo: from tcp");
                ws.await("Hello websocket");
                ws.send("from ws");
                ws.await("Echo: from ws");

                assertEquals(0, container.stop(GRACE), container.logs());
                tcp.await(GOODBYE);
                telnet.await(GOODBYE);
                ws.await(GOODBYE);
            }
            assertTrue(container.logs().contains("Received SIGTERM"), container.logs());
        }
    }

    @Test
    void chukConfigOverridesTheMountedFile() throws Exception {
        int mountedPort = Clients.freePort();
        int namedPort = Clients.freePort();
        Files.writeString(dir.resolve("protocol.yaml"), "servers:\n" + entry("tcp", "tcp", "127.0.0.1", mountedPort, ""));
        Files.writeString(dir.resolve("other.yaml"), "servers:\n" + entry("named", "tcp", "127.0.0.1", namedPort, ""));
        // The server runs as an unprivileged user: the mounted directory must be readable by it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Container container = Container.run(image, List.of("-v", dir.toAbsolutePath() + ":/config:ro",
                "-e", "CHUK_CONFIG=/config/other.yaml",
                "-e", "CHUK_HEALTH_URL=http://127.0.0.1:" + namedPort + "/health/ready"))) {
            container.awaitPort(namedPort, START);
            try (Clients.Line tcp = new Clients.Line(namedPort)) {
                tcp.await("Hello named");
            }
            assertFalse(Clients.accepts(mountedPort), "the mounted /config/protocol.yaml must not run");
            assertTrue(container.logs().contains("Configuration: /config/other.yaml"), container.logs());
            Podman.Result health = container.podman("healthcheck", "run");
            assertNotEquals(0, health.exitCode(), "a port without a health endpoint is unhealthy: " + health.output());
        }
    }

    @Test
    void aBadYamlEndsTheContainerWithExitOneAndTheLaunchersMessage() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "servers:\n" + entry("tcp", "tcp", "0.0.0.0", 99999, ""));
        try (Container container = Container.run(image, List.of("-v", mount(yaml, "/config/protocol.yaml")))) {
            assertEquals(1, container.awaitExit(START));
            String logs = container.logs();
            assertTrue(logs.contains("/config/protocol.yaml: servers.tcp.port: must be between 0 and 65535, got 99999"), logs);
        }
        try (Container container = Container.run(image, List.of("-e", "CHUK_CONFIG=/config/absent.yaml"))) {
            assertEquals(1, container.awaitExit(START));
            String logs = container.logs();
            assertTrue(logs.contains("/config/absent.yaml: configuration file not found"), logs);
        }
    }
}
