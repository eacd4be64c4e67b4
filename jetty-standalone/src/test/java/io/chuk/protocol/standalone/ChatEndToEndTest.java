package io.chuk.protocol.standalone;

import io.chuk.protocol.samples.chat.ChatHandler;
import io.chuk.protocol.testsupport.ClientTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat sample with three real clients in one room: a tcp socket, a WebSocket client and the
 * real {@code telnet} program in a tmux terminal. Each sees the others' lines, {@code /who} lists
 * all three with their transports, and a line that arrives while the telnet user is half-way
 * through typing leaves that user's half-typed line intact on screen.
 */
class ChatEndToEndTest {

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        running = RunningServer.onTransports(ChatHandler.class, "telnet", "tcp", "websocket");
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void tcpWebSocketAndTelnetUsersChatInOneRoom() throws Exception {
        try (LineClient tcp = new LineClient(running.port("tcp"));
             WsClient ws = WsClient.connect(running.ws("websocket", "/ws"));
             TmuxTerminal telnet = new TmuxTerminal("telnet 127.0.0.1 " + running.port("telnet"), 100, 30)) {
            tcp.await("nickname");
            tcp.send("tcpuser\n");
            tcp.await("Hello tcpuser!");

            ws.await("TEXT Choose a nickname: ");
            ws.send("wsuser");
            ws.await("TEXT Hello wsuser! Commands: /who, /msg NICK text, /me action, /quit");
            tcp.await("* wsuser joined (websocket)");

            telnet.awaitText("Choose a nickname:");
            telnet.type("tel");
            telnet.enter();
            telnet.awaitText("Hello tel!");
            tcp.await("* tel joined (telnet)");
            ws.await("TEXT * tel joined (telnet)");

            tcp.send("hello from tcp\n");
            ws.await("TEXT <tcpuser> hello from tcp");
            telnet.awaitText("<tcpuser> hello from tcp");

            ws.send("hi from ws");
            tcp.await("<wsuser> hi from ws");
            telnet.awaitText("<wsuser> hi from ws");

            telnet.type("hey from telnet");
            telnet.enter();
            tcp.await("<tel> hey from telnet");
            ws.await("TEXT <tel> hey from telnet");

            tcp.send("/who\n");
            String who = tcp.await("(websocket)");
            assertTrue(who.contains("Online (3):"), who);
            assertTrue(who.contains("  tcpuser (tcp)"), who);
            assertTrue(who.contains("  tel (telnet)"), who);
            assertTrue(who.contains("  wsuser (websocket)"), who);

            tcp.send("/msg wsuser psst\n");
            ws.await("TEXT *tcpuser* psst");
            tcp.await("-> wsuser: psst");

            // Half a line typed on telnet, then a line arrives: it shows above, the half line stays.
            telnet.type("half way");
            telnet.awaitScreen(rows -> lastRow(rows).endsWith("> half way"), "the half-typed line");
            tcp.send("interrupting line\n");
            List<String> screen = telnet.awaitText("<tcpuser> interrupting line");
            telnet.awaitScreen(rows -> lastRow(rows).equals("> half way"), "the half-typed line redrawn below the new line");
            screen = telnet.screen();
            int notice = indexOfRowContaining(screen, "<tcpuser> interrupting line");
            int typing = indexOfRowContaining(screen, "> half way");
            assertTrue(notice >= 0 && typing > notice, String.join("\n", screen));
            assertEquals("<tcpuser> interrupting line", screen.get(notice).strip(), String.join("\n", screen));
            telnet.type(" done");
            telnet.enter();
            tcp.await("<tel> half way done");
            ws.await("TEXT <tel> half way done");

            ws.send("/quit");
            ws.await("TEXT Goodbye!");
            tcp.await("* wsuser left");
        }
    }

    private static String lastRow(List<String> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isBlank()) {
                return rows.get(i);
            }
        }
        return "";
    }

    private static int indexOfRowContaining(List<String> rows, String text) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
