package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler API over real sockets: request metadata and local address on WebSocket and tcp,
 * telnet control (GA, EOR, line and character mode) on the wire, and the hidden-input hint on
 * {@code websocket} only for clients that asked for hints.
 */
class HandlerApiEndToEndTest {

    private static final String IAC_GA = "\u00ff\u00f9";
    private static final String IAC_EOR = "\u00ff\u00ef";
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: %1$s
                  tcp:
                    port: 0
                    transport: tcp
                    handler_class: %1$s
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: %1$s
                  login:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.login.LoginHandler
                """.formatted(SessionFactsHandler.class.getName()));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void webSocketHandlersReadTheHandshakeRequest() throws Exception {
        try (WsClient client = WsClient.connect(HttpClient.newHttpClient(),
                running.ws("websocket", "/ws?token=abc&x=1"), null, null, "X-Chuk-Test", "yes")) {
            client.await("TEXT local=" + running.port("websocket"));
            assertEquals("TEXT path=/ws", client.next());
            assertEquals("TEXT query=token=abc&x=1", client.next());
            assertEquals("TEXT token=abc", client.next());
            assertEquals("TEXT header=yes", client.next());
            assertEquals("TEXT peer-header-hidden=true", client.next());
            assertEquals("TEXT subprotocol=", client.next());
            assertEquals("TEXT ready", client.next());
            client.send("ga");
            client.await("TEXT no telnet control on websocket");
        }
    }

    @Test
    void rawSessionsKnowTheirLocalAddressAndHaveNoRequest() throws IOException {
        try (LineClient client = new LineClient(running.port("tcp"))) {
            String welcome = client.await("ready");
            assertTrue(welcome.contains("local=" + running.port("tcp")), welcome);
            assertTrue(!welcome.contains("path="), welcome);
        }
    }

    @Test
    void telnetControlGoesThroughNegotiation() throws IOException {
        try (LineClient client = new LineClient(running.port("telnet"), StandardCharsets.ISO_8859_1)) {
            client.await("ready");
            client.send("ga\r\n");
            client.await(IAC_GA);
            client.send("eor\r\n");
            client.await("eor sent=false"); // not agreed yet: nothing is sent
            client.send("offer-eor\r\n");
            client.await("\u00ff\u00fb\u0019"); // IAC WILL EOR
            client.await("offered=true");
            client.sendBytes(new byte[] {(byte) 0xFF, (byte) 0xFD, 0x19}); // IAC DO EOR
            client.send("eor\r\n");
            String answer = client.await("eor sent=true");
            assertTrue(answer.contains(IAC_EOR) || client.await(IAC_EOR).contains(IAC_EOR), answer);
            client.sendBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x01}); // IAC DONT ECHO: refuse the opening offer
            client.send("echo?\r\n");
            client.await("echo=false");
            client.send("charmode\r\n");
            client.await("\u00ff\u00fb\u0001"); // IAC WILL ECHO, asked again
            client.sendBytes(new byte[] {(byte) 0xFF, (byte) 0xFD, 0x01}); // IAC DO ECHO
            client.send("echo?\r\n");
            client.await("echo=true");
            client.send("linemode\r\n");
            client.await("\u00ff\u00fc\u0001"); // IAC WONT ECHO
        }
    }

    @Test
    void hiddenInputHintGoesOnlyToClientsThatAskedForIt() throws Exception {
        try (WsClient hinted = WsClient.connect(running.ws("login", "/ws?hints=1"));
             WsClient plain = WsClient.connect(running.ws("login", "/ws"))) {
            hinted.await("TEXT Username: ");
            hinted.send("demo");
            assertEquals("TEXT \u0000chuk:input=hidden", hinted.next());
            assertEquals("TEXT Password: ", hinted.next());
            hinted.send("demo");
            assertEquals("TEXT \u0000chuk:input=visible", hinted.next());
            hinted.await("TEXT Login successful. Welcome, demo!");

            plain.await("TEXT Username: ");
            plain.send("demo");
            assertEquals("TEXT Password: ", plain.next());
            plain.send("demo");
            assertEquals("TEXT Login successful. Welcome, demo!", plain.next());
        }
    }
}
