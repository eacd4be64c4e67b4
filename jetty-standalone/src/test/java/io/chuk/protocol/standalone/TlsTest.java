package io.chuk.protocol.standalone;

import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** use_ssl with PEM files: telnet and tcp over TLS, and wss:// for WebSocket. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void telnetTcpAndWebSocketServeOverTlsFromPemFiles() throws Exception {
        TestCertificate certificate = new TestCertificate(dir);
        String tls = "    use_ssl: true\n    ssl_cert: " + certificate.certificatePem + "\n    ssl_key: " + certificate.keyPem + "\n";
        try (RunningServer running = new RunningServer("servers:\n"
                + "  telnet:\n    port: 0\n    transport: telnet\n    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler\n" + tls
                + "  tcp:\n    port: 0\n    transport: tcp\n    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler\n" + tls
                + "  websocket:\n    port: 0\n    transport: websocket\n    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler\n" + tls)) {
            for (String name : new String[] {"telnet", "tcp"}) {
                try (LineClient client = new LineClient(certificate.clientContext.getSocketFactory().createSocket(),
                        running.port(name), StandardCharsets.ISO_8859_1)) {
                    client.await("> ");
                    client.send("secret\r\n");
                    assertTrue(client.await("> ").contains("Echo: secret"), name);
                }
            }
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.clientContext).build();
            try (WsClient ws = WsClient.connect(https, "wss://127.0.0.1:" + running.port("websocket") + "/ws", null)) {
                ws.await("TEXT Type 'quit' to disconnect.");
                ws.send("over tls");
                assertEquals("TEXT Echo: over tls", ws.next());
            }
        }
    }

    @Test
    void useSslWithoutUsableFilesIsAStartUpError() {
        ConfigException missing = assertThrows(ConfigException.class, () -> new ConfigLoader().parse("""
                transport: websocket
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                use_ssl: true
                ssl_cert: /nonexistent/cert.pem
                ssl_key: /nonexistent/key.pem
                """, "tls.yaml"));
        assertTrue(missing.getMessage().contains("tls.yaml: ssl_cert: TLS file not found: /nonexistent/cert.pem"),
                missing.getMessage());

        ConfigException empty = assertThrows(ConfigException.class, () -> new ConfigLoader().parse("""
                transport: telnet
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                use_ssl: true
                ssl_cert: ""
                """, "tls.yaml"));
        assertTrue(empty.getMessage().contains("ssl_key: required when use_ssl is true"), empty.getMessage());
    }
}
