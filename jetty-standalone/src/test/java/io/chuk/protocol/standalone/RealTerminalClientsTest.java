package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code telnet} program and PuTTY's {@code plink -telnet}, driven by {@code expect} in a
 * 120x40 pseudo-terminal: welcome, echo while typing, backspace, {@code info} with the terminal
 * type and window size, and {@code quit}. The clients are installed by
 * {@code scripts/ensure-client-tools.sh} when missing; the test fails rather than skips without them.
 */
class RealTerminalClientsTest {

    private static final Path SCRIPT = Path.of("src", "test", "resources", "expect", "terminal-session.exp");
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        running = new RunningServer("""
                port: 0
                transport: telnet
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                """);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"telnet", "plink"})
    void realClientTypesWithEchoEditingInfoAndQuit(String client) throws IOException, InterruptedException {
        Process expect = new ProcessBuilder("expect", "-f", SCRIPT.toString(), client,
                String.valueOf(running.port("telnet"))).redirectErrorStream(true).start();
        String transcript = new String(expect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(expect.waitFor(60, TimeUnit.SECONDS), "expect did not finish:\n" + transcript);
        assertEquals(0, expect.exitValue(), client + " session failed:\n" + transcript);
        assertTrue(transcript.contains("Echo: helo"), transcript);
    }
}
