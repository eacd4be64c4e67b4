package io.chuk.protocol.standalone;

import io.chuk.protocol.web.BrowserPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser page (headless Chromium driven by playwright-core) does what the README promises:
 * {@code new WebSocket('ws://…/ws')}, {@code send('hello')}, and receives the text {@code Echo: hello};
 * and a page whose origin is not allowed cannot connect.
 */
class BrowserTest {

    private static final Path DIR = Path.of("target", "browser");
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        BrowserPages.install(DIR);
        Files.copy(Path.of("src", "test", "resources", "browser", "ws-echo.mjs"), DIR.resolve("ws-echo.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
        running = new RunningServer("""
                servers:
                  open:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  strict:
                    port: 0
                    transport: websocket
                    allow_origins: ["https://app.example.com"]
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void browserPageSendsHelloAndReceivesEchoAsText() throws Exception {
        String result = run(DIR, "node", "ws-echo.mjs", running.ws("open", "/ws"));
        assertTrue(result.startsWith("OK "), result);
        assertTrue(result.contains("\"Echo: hello\""), result);
    }

    @Test
    void browserPageFromAnotherOriginCannotConnect() throws Exception {
        assertEquals("ERROR", run(DIR, "node", "ws-echo.mjs", running.ws("strict", "/ws")));
    }

    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
