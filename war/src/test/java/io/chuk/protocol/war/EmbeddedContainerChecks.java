package io.chuk.protocol.war;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every embedded-container Arquillian test checks, whatever the container: the packaged WAR
 * plus a test handler with an injected bean, as a ShrinkWrap archive whose YAML comes from the
 * {@code chuk.config} context parameter, driven by real WebSocket and socket clients. Subclasses
 * name the container (Tomcat here, Jetty in {@code war-arquillian-jetty}, which gets this class
 * from this module's test jar).
 */
public abstract class EmbeddedContainerChecks {

    static final int TELNET_PORT = TestClients.freePort();

    @ArquillianResource
    private URL base;

    /** The deployment: the built WAR ({@code war.file}), its YAML, and the test handler and bean. */
    protected static WebArchive archive() throws IOException {
        return archive("""
                servers:
                  telnet:
                    host: 127.0.0.1
                    port: %d
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo:EchoTelnetHandler
                  greeter:
                    port: 8027
                    transport: websocket
                    ws_path: /greet
                    handler_class: io.chuk.protocol.war.GreeterHandler
                  echo:
                    transport: websocket
                    ws_path: /ws
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                  pinging:
                    port: 8029
                    transport: websocket
                    ws_path: /pinging
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    ping_interval: 0.3
                    ping_timeout: 1
                """.formatted(TELNET_PORT), List.of("Greeter", "GreeterHandler"));
    }

    /**
     * The built WAR ({@code war.file}) configured by {@code yaml}, with the named classes of this
     * package (simple names) added to {@code WEB-INF/classes}.
     */
    static WebArchive archive(String yaml, List<String> testClasses) throws IOException {
        Path file = Files.createTempFile("chuk-arquillian", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, yaml);
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")));
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        webXml = webXml.replace("</web-app>", "<context-param><param-name>chuk.config</param-name>"
                + "<param-value>" + file + "</param-value></context-param></web-app>");
        war.setWebXML(new StringAsset(webXml));
        // As bytes, not classes: protocol-core is not on the test class path, so they cannot be loaded here.
        for (String testClass : testClasses) {
            String path = "io/chuk/protocol/war/" + testClass + ".class";
            try (InputStream in = EmbeddedContainerChecks.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IOException(path + " is not on the test class path");
                }
                war.addAsWebInfResource(new ByteArrayAsset(in.readAllBytes()), "classes/" + path);
            }
        }
        return war;
    }

    private String ws(String path) {
        return webSocketUri(base, path);
    }

    /** The {@code ws:} address of {@code path} under the deployment's {@code base} URL. */
    static String webSocketUri(URL base, String path) {
        return base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path;
    }

    @Test
    public void injectedBeanReachesTheHandler() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/greet"))) {
            client.send("Ada");
            client.await("Hello, Ada (greeting #1)");
            client.send("Grace");
            client.await("Hello, Grace (greeting #2)");
        }
    }

    @Test
    public void theHandlerSeesTheClientsRealAddress() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/ws"))) {
            client.send("info");
            String line;
            do {
                line = client.next();
            } while (!line.startsWith("Connected from: "));
            assertTrue(line.startsWith("Connected from: 127.0.0.1:"), "the container's peer address, not 'unknown': " + line);
        }
    }

    @Test
    public void webSocketEchoAndUnguardedMonitorUnderTheContextPath() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/ws"))) {
            client.send("hello");
            client.await("Echo: hello");
        }
        assertEquals(101, TestClients.handshakeStatus(ws("/monitor")));
        assertEquals(404, TestClients.handshakeStatus(ws("/nowhere")));
    }

    @Test
    public void pingsFollowTheIntervalAndAnAnsweringClientStays() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/pinging"))) {
            client.await(TestClients.Ws.PING);
            // A second ping comes only once the first was answered; unanswered, the session closes after 1 s.
            client.await(TestClients.Ws.PING);
            client.await(TestClients.Ws.PING);
            client.send("hello");
            client.await("Echo: hello");
        }
    }

    @Test
    public void companionTelnetConnectorRuns() throws Exception {
        try (TestClients.Line client = new TestClients.Line(TELNET_PORT)) {
            client.await("> ", Duration.ofSeconds(10));
            client.send("hello\r\n");
            client.await("Echo: hello", Duration.ofSeconds(10));
        }
    }
}
