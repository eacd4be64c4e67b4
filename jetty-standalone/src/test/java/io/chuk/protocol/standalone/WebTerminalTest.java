package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LoopbackPorts;
import io.chuk.protocol.web.BrowserPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser pages of {@code web_terminal} entries in headless Chromium against the real server:
 * the xterm.js terminal on ws_telnet (echo, window size after a resize, hidden password,
 * reconnecting after a server restart on the same port) and the line page on websocket.
 * Screenshots of each page are kept in {@code target/screenshots}.
 */
class WebTerminalTest {

    private static final Path WORK = Path.of("target", "browser");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private RunningServer running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void terminalEchoesAndReportsItsNewWindowSizeAfterAResize() throws Exception {
        running = new RunningServer(yaml("ws_telnet", 0, "io.chuk.protocol.samples.echo.EchoTelnetHandler"));
        String result = BrowserPages.run(WORK, "terminal-echo", page(running.port("web")), SHOTS);
        assertTrue(result.startsWith("OK "), result);
    }

    @Test
    void terminalNeverShowsThePassword() throws Exception {
        running = new RunningServer(yaml("ws_telnet", 0, "io.chuk.protocol.samples.login.LoginHandler"));
        String result = BrowserPages.run(WORK, "terminal-login", page(running.port("web")), SHOTS);
        assertTrue(result.startsWith("OK "), result);
    }

    @Test
    void terminalReconnectsByItselfAfterTheServerRestarts() throws Exception {
        int port = LoopbackPorts.freeBelow32768();
        String yaml = yaml("ws_telnet", port, "io.chuk.protocol.samples.echo.EchoTelnetHandler");
        running = new RunningServer(yaml);
        try (BrowserPages pages = BrowserPages.start(WORK, "terminal-restart", page(port), SHOTS)) {
            pages.awaitQuestion("STOPPED?");
            running.close();
            running = null;
            pages.answer();
            pages.awaitQuestion("RESTARTED?");
            running = new RunningServer(yaml);
            pages.answer();
            String result = pages.result();
            assertTrue(result.startsWith("OK "), result);
        }
    }

    @Test
    void linePageEchoesAndMasksTheInputBoxDuringThePasswordPrompt() throws Exception {
        running = new RunningServer(yaml("websocket", 0, "io.chuk.protocol.samples.login.LoginHandler"));
        String result = BrowserPages.run(WORK, "line-login", page(running.port("web")), SHOTS);
        assertTrue(result.startsWith("OK "), result);
    }

    private static String yaml(String transport, int port, String handler) {
        return """
                servers:
                  web:
                    port: %d
                    transport: %s
                    web_terminal: true
                    handler_class: %s
                """.formatted(port, transport, handler);
    }

    private static String page(int port) {
        return "http://127.0.0.1:" + port + "/";
    }
}
