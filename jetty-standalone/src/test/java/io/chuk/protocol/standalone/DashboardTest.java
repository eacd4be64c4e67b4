package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import io.chuk.protocol.web.BrowserPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator dashboard in headless Chromium against the real server, with real clients: a
 * {@code telnet} in tmux whose typing appears in the dashboard's mirror and which a kick from the
 * dashboard closes with its message, a tcp client that gets a line, injected input and a broadcast, the replay of the
 * kicked session's recording, and a viewer without the token whose admin messages change nothing.
 * Screenshots of each state are kept in {@code target/screenshots}.
 */
class DashboardTest {

    private static final Path WORK = Path.of("target", "browser");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        Path recordings = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "dashboard-recordings");
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    record_sessions: %s
                  tcp:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  ops:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                    monitor_token: s3cret
                  open:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                """.formatted(recordings.toAbsolutePath()));
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void anOperatorWatchesTypingBroadcastsKicksAndReplaysTheRecording() throws Exception {
        // The pane stays after telnet exits, so its last words and the exit can be read.
        try (TmuxTerminal telnet = new TmuxTerminal("telnet 127.0.0.1 " + running.port("telnet")
                + "; echo '[telnet exited]'; exec cat", 100, 30);
             LineClient tcp = new LineClient(running.port("tcp"))) {
            telnet.awaitScreen(rows -> rows.contains(">"), "the prompt");
            tcp.await("> ");
            try (BrowserPages dashboard = BrowserPages.start(WORK, "dashboard.mjs", "admin", url("ops"), SHOTS)) {
                dashboard.awaitQuestion("WATCHING?");
                telnet.type("hello there");
                telnet.enter();
                telnet.awaitText("Echo: hello there");
                dashboard.answer();

                dashboard.awaitQuestion("LINES?");
                tcp.send("ping\r\n");
                tcp.await("Echo: ping");
                dashboard.answer();

                dashboard.awaitQuestion("BROADCAST?");
                tcp.await("Only for you.");
                tcp.await("Echo: from support");
                tcp.await("Maintenance at noon.");
                dashboard.answer();

                dashboard.awaitQuestion("KICKED?");
                List<String> screen = telnet.awaitText("[telnet exited]");
                assertTrue(screen.stream().anyMatch(row -> row.contains("Closed by the operator for the test.")),
                        String.join("\n", screen));
                dashboard.answer();

                String result = dashboard.result();
                assertTrue(result.startsWith("OK "), result);
            }
            tcp.send("after\r\n");
            tcp.await("Echo: after");
        }
    }

    @Test
    void aViewerWithoutTheTokenIsRefusedAndNothingHappensToTheSession() throws Exception {
        try (LineClient tcp = new LineClient(running.port("tcp"))) {
            tcp.await("> ");
            try (BrowserPages dashboard = BrowserPages.start(WORK, "dashboard.mjs", "readonly", url("open"), SHOTS)) {
                dashboard.awaitQuestion("REFUSED?");
                tcp.send("still here\r\n");
                String answer = tcp.await("Echo: still here\r\n");
                for (String never : List.of("injected", "to everyone", "disconnected")) {
                    assertFalse(answer.contains(never), answer);
                }
                dashboard.answer();
                String result = dashboard.result();
                assertTrue(result.startsWith("OK "), result);
            }
        }
    }

    private static String url(String entry) {
        return "http://127.0.0.1:" + running.port(entry) + "/dashboard";
    }
}
