package io.chuk.protocol.standalone;

import io.chuk.protocol.samples.login.LoginHandler;
import io.chuk.protocol.testsupport.ClientTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login sample with real clients: the real {@code telnet} program under {@code expect} logs
 * in after one wrong password, and neither password appears on its screen; a tcp client is cut
 * off after three wrong tries; a WebSocket client logs in with prompts as messages.
 */
class LoginEndToEndTest {

    private static final Path SCRIPT = Path.of("src", "test", "resources", "expect", "login-session.exp");
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        running = RunningServer.onTransports(LoginHandler.class, "telnet", "tcp", "websocket", "ws_telnet");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void realTelnetNeverShowsThePassword() throws IOException, InterruptedException {
        Process expect = new ProcessBuilder("expect", "-f", SCRIPT.toString(),
                String.valueOf(running.port("telnet"))).redirectErrorStream(true).start();
        String screen = new String(expect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(expect.waitFor(60, TimeUnit.SECONDS), "expect did not finish:\n" + screen);
        assertEquals(0, expect.exitValue(), "telnet session failed:\n" + screen);
        assertFalse(screen.contains("s3cr3tZ"), "the wrong password appeared on screen:\n" + screen);
        String afterSecondPassword = screen.substring(screen.lastIndexOf("Password: "), screen.indexOf("Login successful"));
        assertFalse(afterSecondPassword.contains("demo"), "the password appeared on screen:\n" + screen);
        assertTrue(screen.contains("Echo: hello"), screen);
        // What the user typed while not hidden is echoed as usual.
        assertTrue(screen.contains("Username: demo"), screen);
    }

    @Test
    void threeWrongTriesEndTheSession() throws IOException {
        try (LineClient client = new LineClient(running.port("tcp"))) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                client.await("Username: ");
                client.send("demo\n");
                client.await("Password: ");
                client.send("wrong" + attempt + "\n");
            }
            String rest = client.awaitClose();
            assertTrue(rest.contains("Too many failed attempts. Goodbye!"), rest);
        }
    }

    @Test
    void tcpLoginThenEcho() throws IOException {
        try (LineClient client = new LineClient(running.port("tcp"))) {
            client.await("Username: ");
            client.send("demo\n");
            client.await("Password: ");
            client.send("demo\n");
            client.await("Login successful. Welcome, demo!");
            client.await("> ");
            client.send("hello\n");
            client.await("Echo: hello\r\n> ");
        }
    }

    @Test
    void wsTelnetLogin() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("ws_telnet", "/ws_telnet"))) {
            StringBuilder screen = new StringBuilder();
            client.awaitBinary("Username: ", screen);
            client.sendBinary("demo\r\n".getBytes(StandardCharsets.US_ASCII));
            client.awaitBinary("Password: ", screen);
            client.sendBinary("demo\r\n".getBytes(StandardCharsets.US_ASCII));
            client.awaitBinary("Login successful. Welcome, demo!", screen);
            client.sendBinary("hello\r\n".getBytes(StandardCharsets.US_ASCII));
            client.awaitBinary("Echo: hello", screen);
        }
    }

    @Test
    void webSocketPromptsAreMessages() throws Exception {
        try (WsClient client = WsClient.connect(running.ws("websocket", "/ws"))) {
            client.await("TEXT Username: ");
            client.send("demo");
            client.await("TEXT Password: ");
            client.send("demo");
            client.await("TEXT Login successful. Welcome, demo!");
            client.send("hello");
            client.await("TEXT Echo: hello");
        }
    }
}
