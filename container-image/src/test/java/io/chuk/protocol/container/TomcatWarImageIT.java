package io.chuk.protocol.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WAR in the official Tomcat image's form (the README's {@code docker run} of
 * {@code tomcat:10.1-jre17}): the WAR mounted into {@code webapps/}, the YAML mounted and named
 * by {@code CHUK_CONFIG}. Runs on a local image laid out like the official one.
 */
class TomcatWarImageIT {
    private static final String IMAGE = "localhost/chuk-tomcat:10.1-jre17-test";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private static String buildImage() {
        Podman.ensureBase();
        Path context = Path.of(System.getProperty("tomcat.image.context"));
        Path containerfile = Podman.ROOT.resolve("container-image/src/test/tomcat/Containerfile");
        Podman.podman(Duration.ofMinutes(3), "build", "--build-arg", "BASE=" + Podman.BASE_IMAGE,
                "--build-arg", "TOMCAT_DIR=" + System.getProperty("tomcat.image.dir"),
                "-t", IMAGE, "-f", containerfile.toString(), context.toString())
                .expectSuccess("podman build of the Tomcat image");
        return IMAGE;
    }

    @Test
    void theWarServesWebSocketUnderItsContextPathAndTelnetOnTheCompanionPort() throws Exception {
        Path war = Path.of(System.getProperty("war.file"));
        assertTrue(Files.isRegularFile(war), war + " is missing: package the war module first");
        String image = buildImage();
        int http = Clients.freePort();
        int telnet = Clients.freePort();
        Path yaml = Files.writeString(dir.resolve("my.yaml"), "servers:\n"
                + "  telnet:\n    transport: telnet\n    host: \"0.0.0.0\"\n    port: " + telnet + "\n"
                + "    handler_class: \"io.chuk.protocol.samples.echo:EchoTelnetHandler\"\n"
                + "    welcome_message: \"Hello from Tomcat telnet\"\n"
                + "  websocket:\n    transport: websocket\n    port: " + Clients.freePort() + "\n    ws_path: /ws\n"
                + "    handler_class: \"io.chuk.protocol.samples.echo:EchoTelnetHandler\"\n"
                + "    welcome_message: \"Hello from Tomcat websocket\"\n");
        try (Container container = Container.run(image, List.of(
                "-v", war.toAbsolutePath() + ":/usr/local/tomcat/webapps/protocol-server.war:ro",
                "-v", yaml.toAbsolutePath() + ":/config/protocol.yaml:ro",
                "-e", "CHUK_CONFIG=/config/protocol.yaml",
                "-e", "JAVA_OPTS=-Dport.http=" + http))) {
            container.awaitPort(telnet, START);
            container.awaitPort(http, START);
            assertTrue(container.logs().lines().anyMatch(l -> l.contains("Configuration:")
                    && l.contains("/config/protocol.yaml")), container.logs());
            try (Clients.Line line = new Clients.Line(telnet);
                 Clients.Ws ws = new Clients.Ws("ws://127.0.0.1:" + http + "/protocol-server/ws")) {
                line.await("Hello from Tomcat telnet");
                line.send("via tomcat\r\n");
                line.await("Echo: via tomcat");
                ws.await("Hello from Tomcat websocket");
                ws.send("over ws");
                ws.await("Echo: over ws");

                container.stop(Duration.ofSeconds(30));
                line.await("Server is shutting down. Goodbye!");
            }
        }
    }
}
