package io.chuk.protocol.standalone;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.samples.mud.MudHandler;
import io.chuk.protocol.testkit.HandlerTestKit;
import io.chuk.protocol.testkit.TestHost;
import io.chuk.protocol.testkit.TestSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MUD sample in the in-memory test kit: the world, and what MUD clients are sent over GMCP and MSDP. */
class MudHandlerTest {

    /** The wire since {@code from}, as Latin-1 text (telnet commands as their byte values). */
    private static String wire(TestSession client, int from) {
        byte[] all = client.bytes();
        return new String(Arrays.copyOfRange(all, from, all.length), StandardCharsets.ISO_8859_1);
    }

    private static String gmcp(String message) {
        return "\u00ff\u00fa\u00c9" + message + "\u00ff\u00f0";
    }

    private static String msdp(String name, String value) {
        return "\u00ff\u00fa\u0045\u0001" + name + "\u0002" + value + "\u00ff\u00f0";
    }

    /** Whether a shown line ends with {@code text} (a reply follows the prompt on the prompt's line). */
    private static boolean shows(java.util.List<String> lines, String text) {
        return lines.stream().anyMatch(line -> line.endsWith(text));
    }

    @Test
    void aMudClientGetsVitalsAndTheRoomOnLoginAndOnMoving() {
        try (TestSession client = HandlerTestKit.builder(MudHandler.class).transport(Transport.TELNET)
                .mudClient(MudProtocol.GMCP, MudProtocol.MSDP).open()) {
            String login = wire(client, 0);
            assertTrue(login.contains(gmcp("Char.Vitals {\"hp\":100,\"maxhp\":100}")), login);
            assertTrue(login.contains(gmcp("Room.Info {\"num\":1,\"name\":\"The Square\",\"area\":\"Town\","
                    + "\"exits\":{\"n\":2}}")), login);
            assertTrue(client.text().contains("The Square\nA cobbled square."), client.text());
            client.sendBytes("\u00ff\u00fa\u0045\u0001REPORT\u0002ROOM_NAME\u0002HEALTH\u00ff\u00f0"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(wire(client, 0).contains(msdp("ROOM_NAME", "The Square")));
            int mark = client.bytes().length;
            client.sendLine("n");
            String moved = wire(client, mark);
            assertTrue(moved.contains(gmcp("Room.Info {\"num\":2,\"name\":\"The Library\",\"area\":\"Town\","
                    + "\"exits\":{\"s\":1}}")), moved);
            assertTrue(moved.contains(msdp("ROOM_NAME", "The Library")), moved);
            assertFalse(moved.contains(msdp("HEALTH", "100")), "unchanged HEALTH is not sent again");
            assertTrue(moved.endsWith("> \u00ff\u00ef"), "the prompt ends with IAC EOR");
            client.sendLine("north");
            assertTrue(shows(client.takeLines(), "You cannot go that way."));
        }
    }

    @Test
    void playersInOneRoomHearEachOtherAndWhoListsEveryone() {
        try (TestHost host = HandlerTestKit.host();
             TestSession alice = host.open(MudHandler.class, Transport.TELNET);
             TestSession bob = host.open(MudHandler.class, Transport.TELNET)) {
            String bobName = bob.session().attributes().get("name").toString();
            alice.takeLines();
            bob.sendLine("say hello");
            assertTrue(shows(bob.takeLines(), "You say: hello"));
            assertTrue(shows(alice.takeLines(), bobName + " says: hello"));
            alice.sendLine("north");
            assertTrue(bob.takeLines().stream().anyMatch(line -> line.endsWith(" leaves.")));
            bob.sendLine("say anyone?");
            assertFalse(alice.takeLines().stream().anyMatch(line -> line.contains("anyone?")), "alice left the room");
            alice.sendLine("who");
            String who = String.join("\n", alice.takeLines());
            assertTrue(who.contains("Players online (2):"), who);
            assertTrue(who.contains(bobName + " in The Square"), who);
            assertTrue(who.contains(" in The Library"), who);
        }
    }

    @Test
    void aPlainClientGetsTextOnly() {
        try (TestSession client = HandlerTestKit.open(MudHandler.class, Transport.TELNET)) {
            client.sendLine("look");
            String all = wire(client, 0);
            assertFalse(all.contains("\u00ff\u00fa\u00c9") || all.contains("\u00ff\u00fa\u0045")
                    || all.contains("\u00ff\u00ef"), "no GMCP, MSDP or EOR");
            assertEquals(2, client.lines().stream().filter(line -> line.endsWith("The Square")).count());
        }
    }
}
