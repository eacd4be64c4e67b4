package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import io.chuk.protocol.testsupport.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real client address behind proxies: PROXY protocol on raw listeners (with HAProxy), X-Forwarded-For on WebSockets. */
class RealClientAddressTest {

    private static RunningServer running;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        running = new RunningServer("""
                servers:
                  proxied:
                    port: 0
                    transport: telnet
                    proxy_protocol: true
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    trusted_proxies: ["127.0.0.1"]
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  untrusting:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void proxyProtocolV1HeaderGivesTheRealClientAddress() throws Exception {
        try (LineClient client = new LineClient(running.port("proxied"))) {
            client.send("PROXY TCP4 198.51.100.9 127.0.0.1 5555 8023\r\n");
            client.await("> ");
            client.send("info\r\n");
            assertTrue(client.await("Session:").contains("Connected from: 198.51.100.9:5555"));
        }
    }

    @Test
    void haproxyInFrontOfTheTelnetPortPassesTheClientAddress() throws Exception {
        int frontPort = LoopbackPorts.freeBelow32768();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 64
                defaults
                    mode tcp
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                frontend telnet_in
                    bind 127.0.0.1:%d
                    default_backend chuk
                backend chuk
                    server chuk1 127.0.0.1:%d send-proxy-v2
                """.formatted(frontPort, running.port("proxied")));
        String haproxy = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        Process proxy = new ProcessBuilder(haproxy, "-db", "-f", config.toString()).redirectErrorStream(true).start();
        try {
            LoopbackPorts.awaitListening(frontPort, proxy, "haproxy");
            try (LineClient client = new LineClient(frontPort)) {
                client.await("> ");
                client.send("info\r\n");
                String info = client.await("Session:");
                assertTrue(info.contains("Connected from: 127.0.0.1:" + client.localPort()),
                        "the session sees the client's own port, not HAProxy's: " + info);
            }
        } finally {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WsClient trusted = WsClient.connect(http, running.ws("websocket", "/ws"), null, null,
                "X-Forwarded-For", "192.0.2.1, 203.0.113.7")) {
            trusted.await("TEXT Type 'quit' to disconnect.");
            trusted.send("info");
            trusted.await("TEXT Connected from: 203.0.113.7:0");
        }
        try (WsClient untrusted = WsClient.connect(http, running.ws("untrusting", "/ws"), null, null,
                "X-Forwarded-For", "203.0.113.7")) {
            untrusted.await("TEXT Type 'quit' to disconnect.");
            untrusted.send("info");
            String line;
            while (!(line = untrusted.next()).startsWith("TEXT Connected from: ")) {
                assertTrue(line.startsWith("TEXT "), line);
            }
            assertTrue(line.startsWith("TEXT Connected from: 127.0.0.1:"), line);
        }
    }
}
