package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MUD sample with a real MUD client, TinTin++, in a tmux terminal: its GMCP and MSDP event
 * triggers print what the server sends (Char.Vitals, Room.Info, HEALTH, ROOM_NAME, the MSSP
 * status), and {@code look} and {@code north} work. A plain {@code telnet}, a telnet client that
 * refuses every MUD option and a raw socket on the same port get the opening and text only.
 */
class MudEndToEndTest {

    /** The opening six, then WILL EOR, MSDP, MSSP, MCCP2, GMCP: what every client on the MUD port is sent first. */
    private static final String OPENING = latin1(255, 251, 1, 255, 251, 3, 255, 253, 3, 255, 253, 24, 255, 253, 31,
            255, 252, 34, 255, 251, 25, 255, 251, 69, 255, 251, 70, 255, 251, 86, 255, 251, 201);

    private static RunningServer running;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        ClientTools.ensureInstalled();
        running = new RunningServer("""
                servers:
                  mud:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.mud.MudHandler
                    mssp_variables:
                      NAME: Test MUD
                      CODEBASE: chuk
                """);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static String latin1(int... bytes) {
        StringBuilder text = new StringBuilder();
        for (int b : bytes) {
            text.append((char) b);
        }
        return text.toString();
    }

    /**
     * A TinTin++ script: agree to GMCP (with a Core.Hello), MSDP (reporting HEALTH and ROOM_NAME)
     * and MSSP when offered, as TinTin++ scripts do (it refuses them by itself), print every GMCP,
     * MSDP and MSSP message, then connect.
     */
    private Path script() throws Exception {
        String text = String.join("\n",
                "#event {IAC WILL GMCP} {#send {\\xFF\\xFD\\xC9\\};"
                        + "#send {\\xFF\\xFA\\xC9Core.Hello {\"client\":\"TinTin++\",\"version\":\"2\"}\\xFF\\xF0\\}}",
                "#event {IAC WILL MSDP} {#send {\\xFF\\xFD\\x45\\};"
                        + "#send {\\xFF\\xFA\\x45\\x01REPORT\\x02HEALTH\\x02ROOM_NAME\\xFF\\xF0\\}}",
                "#event {IAC SB GMCP Char.Vitals IAC SE} {#showme GMCP-VITALS %1}",
                "#event {IAC SB GMCP Room.Info IAC SE} {#showme GMCP-ROOM %1}",
                "#event {IAC SB MSDP} {#showme MSDP-VAR %0=%1}",
                "#event {IAC WILL MSSP} {#send {\\xFF\\xFD\\x46\\}}", // TinTin++ asks for MSSP only in debug mode
                "#event {IAC SB MSSP} {#showme MSSP-VAR %0=%1}",
                "#session mud 127.0.0.1 " + running.port("mud"), "");
        Path file = temp.resolve("mud.tin");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The MTTS flags of the one live session, once its client has reported them (bounded wait). */
    private static int awaitMttsFlags() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            int flags = running.server.sessionHost().registry().sessions().stream()
                    .flatMap(session -> session.terminal().stream()).mapToInt(t -> t.mttsFlags()).max().orElse(0);
            if (flags != 0 || System.nanoTime() > deadline) {
                return flags;
            }
            Thread.onSpinWait();
        }
    }

    private static long rowsContaining(List<String> screen, String text) {
        return screen.stream().filter(row -> row.contains(text)).count();
    }

    @Test
    void tinTinGetsGmcpMsdpAndMsspAndWalksNorth() throws Exception {
        try (TmuxTerminal tintin = new TmuxTerminal(ClientTools.tintin() + " " + script(), 200, 100)) {
            tintin.awaitText("GMCP-VITALS Char.Vitals {\"hp\":100,\"maxhp\":100}");
            tintin.awaitText("GMCP-ROOM Room.Info {\"num\":1,\"name\":\"The Square\",\"area\":\"Town\",\"exits\":{\"n\":2}}");
            tintin.awaitText("MSDP-VAR HEALTH=100");
            tintin.awaitText("MSDP-VAR ROOM_NAME=The Square");
            tintin.awaitText("MSSP-VAR NAME=Test MUD");
            tintin.awaitText("MSSP-VAR PLAYERS=1");
            tintin.awaitText("MSSP-VAR CODEBASE=chuk");
            assertEquals(271, awaitMttsFlags(), "TTYPE was cycled up to TinTin++'s MTTS entry");

            tintin.type("look");
            tintin.enter();
            tintin.awaitScreen(rows -> rowsContaining(rows, "A cobbled square.") == 2, "the square described twice");

            tintin.type("north");
            tintin.enter();
            tintin.awaitText("Shelves of dusty books. The square lies south.");
            tintin.awaitText("GMCP-ROOM Room.Info {\"num\":2,\"name\":\"The Library\"");
            List<String> screen = tintin.awaitText("MSDP-VAR ROOM_NAME=The Library");
            assertEquals(1, rowsContaining(screen, "MSDP-VAR HEALTH=100"), "unchanged HEALTH is not reported again: "
                    + String.join("\n", screen));
        }
    }

    @Test
    void plainTelnetSeesTheWorldAndNothingElse() throws Exception {
        try (TmuxTerminal telnet = new TmuxTerminal("telnet 127.0.0.1 " + running.port("mud"), 120, 40)) {
            telnet.awaitText("Exits: n");
            telnet.type("north");
            telnet.enter();
            List<String> screen = telnet.awaitText("Shelves of dusty books.");
            for (String row : screen) {
                assertTrue(row.chars().allMatch(c -> c >= ' ' && c < 127), "only printable text: '" + row + "'");
                assertFalse(row.contains("Vitals") || row.contains("HEALTH") || row.contains("Room.Info"), row);
            }
        }
    }

    @Test
    void aTelnetClientThatRefusesEveryMudOptionGetsOnlyTheOpeningAndText() throws Exception {
        try (LineClient client = new LineClient(running.port("mud"), StandardCharsets.ISO_8859_1)) {
            assertTrue(client.await(OPENING).endsWith(OPENING));
            client.sendBytes(latin1(255, 254, 25, 255, 254, 69, 255, 254, 70, 255, 254, 86, 255, 254, 201, 255, 252, 24,
                    255, 252, 31)
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.await("Exits: n");
            client.send("look\r\n");
            client.await("Exits: n");
            client.send("north\r\n");
            String rest = client.await("Exits: s");
            String all = rest + client.unread();
            for (String forbidden : List.of(latin1(255, 250, 201), latin1(255, 250, 69), latin1(255, 250, 70),
                    latin1(255, 250, 86), latin1(255, 239))) {
                assertFalse(all.contains(forbidden), "no GMCP, MSDP, MSSP, MCCP2 or EOR for a client that refused them: " + all);
            }
        }
    }

    @Test
    void aRawSocketGetsTheOpeningThenPlainText() throws Exception {
        try (LineClient client = new LineClient(running.port("mud"), StandardCharsets.ISO_8859_1)) {
            String first = client.await("Exits: n");
            assertTrue(first.startsWith(OPENING), first);
            assertFalse(first.substring(OPENING.length()).contains("\u00ff"), "text only after the opening: " + first);
            client.send("north\n");
            String library = client.await("Exits: s");
            assertFalse(library.contains("\u00ff"), "no telnet commands for a client that never spoke telnet: " + library);
            assertTrue(library.contains("The Library"), library);
        }
    }
}
