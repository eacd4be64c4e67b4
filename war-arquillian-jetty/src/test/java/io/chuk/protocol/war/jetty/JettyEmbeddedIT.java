package io.chuk.protocol.war.jetty;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

/**
 * Arquillian (JUnit 5) on embedded Jetty 12.0 ee10: the packaged WAR plus a test handler with an
 * injected bean, as a ShrinkWrap archive whose YAML comes from the {@code chuk.config} context
 * parameter. Real WebSocket and socket clients talk to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JettyEmbeddedIT {

    private static final int TELNET_PORT = TestClients.freePort();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        Path yaml = Files.createTempFile("chuk-arquillian-jetty", ".yaml");
        yaml.toFile().deleteOnExit();
        Files.writeString(yaml, """
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
                    handler_class: io.chuk.protocol.war.jetty.GreeterHandler
                  echo:
                    transport: websocket
                    ws_path: /ws
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                """.formatted(TELNET_PORT));
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")));
        String webXml;
        try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        webXml = webXml.replace("</web-app>", "<context-param><param-name>chuk.config</param-name>"
                + "<param-value>" + yaml + "</param-value></context-param></web-app>");
        war.setWebXML(new StringAsset(webXml));
        for (String testClass : List.of("Greeter", "GreeterHandler")) { // as files: protocol-core is not on this class path
            String path = "io/chuk/protocol/war/jetty/" + testClass + ".class";
            war.addAsWebInfResource(new File("target/test-classes/" + path), "classes/" + path);
        }
        return war;
    }

    private String ws(String path) {
        return base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path;
    }

    @Test
    void injectedBeanReachesTheHandler() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/greet"))) {
            client.send("Ada");
            client.await("Hello, Ada (greeting #1)");
            client.send("Grace");
            client.await("Hello, Grace (greeting #2)");
        }
    }

    @Test
    void webSocketEchoAndUnguardedMonitorUnderTheContextPath() throws Exception {
        try (TestClients.Ws client = TestClients.Ws.connect(ws("/ws"))) {
            client.send("hello");
            client.await("Echo: hello");
        }
        assertEquals(101, TestClients.handshakeStatus(ws("/monitor")));
        assertEquals(404, TestClients.handshakeStatus(ws("/nowhere")));
    }

    @Test
    void companionTelnetConnectorRunsOnTheWarsOwnJetty() throws Exception {
        try (TestClients.Line client = new TestClients.Line(TELNET_PORT)) {
            client.await("> ", Duration.ofSeconds(10));
            client.send("hello\r\n");
            client.await("Echo: hello", Duration.ofSeconds(10));
        }
    }
}
