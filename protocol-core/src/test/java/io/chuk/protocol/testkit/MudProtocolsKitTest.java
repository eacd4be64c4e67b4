package io.chuk.protocol.testkit;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.MudProtocols;
import io.chuk.protocol.handlers.TelnetHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GMCP, MSDP, MSSP and EOR of a handler that declares them, in the real session engine with a simulated client. */
class MudProtocolsKitTest {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int DO = 253;
    private static final int WILL = 251;
    private static final int GMCP = 201;
    private static final int MSDP = 69;
    private static final int MSSP = 70;
    private static final int EOR = 25;

    /** What the handler under test heard, in order. */
    static final List<String> HEARD = new CopyOnWriteArrayList<>();

    @MudProtocols({MudProtocol.GMCP, MudProtocol.MSDP, MudProtocol.MSSP})
    public static class Mud extends TelnetHandler {
        @Override
        public void sendWelcome() throws Exception {
            HEARD.add("welcome sent: " + sendGmcp("Char.Vitals", Map.of("hp", 1)));
            msdp().set("HEALTH", 42);
            showPrompt();
        }

        @Override
        public void onMudProtocol(MudProtocol protocol, boolean enabled) {
            HEARD.add(protocol + "=" + enabled);
            if (protocol == MudProtocol.GMCP && enabled) {
                HEARD.add("sent: " + sendGmcp("Char.Vitals", Map.of("hp", 100)));
            }
        }

        @Override
        public void onGmcp(String packageName, String jsonText) {
            HEARD.add("gmcp " + packageName + " " + jsonText + " client=" + gmcp().client()
                    + " char=" + gmcp().supports("Char.Vitals"));
        }

        @Override
        public void onMsdp(String variable, Object value) {
            HEARD.add("msdp " + variable + "=" + value);
        }

        @Override
        public void onCommandSubmitted(String command) {
            if (command.startsWith("hp ")) {
                msdp().set("HEALTH", Integer.parseInt(command.substring(3)));
            }
        }
    }

    /** A handler that declares nothing. */
    public static class Plain extends TelnetHandler {
    }

    private static byte[] b(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static TestSession open(Class<? extends TelnetHandler> handler) {
        HEARD.clear();
        return HandlerTestKit.builder(handler).transport(Transport.TELNET).open();
    }

    /** A session with a MUD client that agrees to {@code protocols} (and EOR). */
    private static TestSession openMud(MudProtocol... protocols) {
        HEARD.clear();
        return HandlerTestKit.builder(Mud.class).transport(Transport.TELNET).mudClient(protocols).open();
    }

    /** Where {@code part} starts in {@code whole}, or -1. */
    private static int indexOf(byte[] whole, byte[] part) {
        return hex(whole).indexOf(hex(part)) / 2;
    }

    /** The bytes the session wrote after {@code from}. */
    private static byte[] since(TestSession client, int from) {
        if (from < 0) {
            throw new AssertionError("not found");
        }
        byte[] all = client.bytes();
        return Arrays.copyOfRange(all, from, all.length);
    }

    @Test
    void theDeclaredProtocolsAreOfferedAfterTheOpeningSixAndNothingIsSentToAClientThatRefuses() {
        try (TestSession client = open(Mud.class)) {
            byte[] wire = client.bytes();
            String opening = hex(b(IAC, WILL, 1, IAC, WILL, 3, IAC, DO, 3, IAC, DO, 24, IAC, DO, 31, IAC, 252, 34,
                    IAC, WILL, EOR, IAC, WILL, MSDP, IAC, WILL, MSSP, IAC, WILL, GMCP));
            assertTrue(hex(wire).startsWith(opening), hex(wire));
            assertEquals(List.of("welcome sent: false"), HEARD, "the simulated client refused everything");
            assertFalse(hex(wire).contains(hex(b(IAC, SB, GMCP))), "no GMCP for a client that refused it");
            assertFalse(hex(wire).contains(hex(b(IAC, SB, MSDP))), "no MSDP either");
            assertTrue(client.text().endsWith("> "), client.text());
        }
    }

    @Test
    void aHandlerThatDeclaresNothingOffersNothingMore() {
        try (TestSession client = open(Plain.class)) {
            assertFalse(hex(client.bytes()).contains(hex(b(IAC, WILL, GMCP))));
            assertFalse(hex(client.bytes()).contains(hex(b(IAC, WILL, EOR))));
        }
    }

    @Test
    void gmcpFlowsBothWaysOnceTheClientAgrees() {
        try (TestSession client = openMud(MudProtocol.GMCP)) {
            assertTrue(hex(client.bytes()).contains(hex(b(IAC, SB, GMCP, "Char.Vitals {\"hp\":100}", IAC, SE))),
                    "sent once the client agreed");
            assertFalse(hex(client.bytes()).contains(hex(b(IAC, SB, GMCP, "Char.Vitals {\"hp\":1}", IAC, SE))),
                    "not the one sent before");
            assertTrue(client.session().terminal().isPresent());
            client.sendBytes(b(IAC, SB, GMCP, "Core.Hello {\"client\":\"Kit\",\"version\":\"1\"}", IAC, SE));
            client.sendBytes(b(IAC, SB, GMCP, "Core.Supports.Set [\"Char 1\"]", IAC, SE));
            assertEquals(List.of("welcome sent: false", "GMCP=true", "sent: true",
                    "gmcp Core.Hello {\"client\":\"Kit\",\"version\":\"1\"} client={client=Kit, version=1} char=false",
                    "gmcp Core.Supports.Set [\"Char 1\"] client={client=Kit, version=1} char=true"), HEARD);
        }
    }

    @Test
    void wsTelnetCarriesGmcpAsTelnetDoes() {
        HEARD.clear();
        try (TestSession client = HandlerTestKit.builder(Mud.class).transport(Transport.WS_TELNET)
                .mudClient(MudProtocol.GMCP).open()) {
            assertTrue(hex(client.bytes()).contains(hex(b(IAC, SB, GMCP, "Char.Vitals {\"hp\":100}", IAC, SE))));
            client.sendBytes(b(IAC, SB, GMCP, "Core.Hello {\"client\":\"Web\"}", IAC, SE));
            assertTrue(HEARD.contains("gmcp Core.Hello {\"client\":\"Web\"} client={client=Web} char=false"),
                    HEARD.toString());
        }
    }

    @Test
    void malformedGmcpIsOneWarningAndTheSessionGoesOn() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (TestSession client = openMud(MudProtocol.GMCP)) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                client.sendBytes(b(IAC, SB, GMCP, "Char.Login {\"name\":", IAC, SE));
            } finally {
                System.setErr(original);
            }
            client.sendLine("still here");
            assertFalse(client.isClosed());
            List<String> warnings = log.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("WARN")).toList();
            assertEquals(1, warnings.size(), log.toString(StandardCharsets.UTF_8));
            assertTrue(warnings.get(0).contains("dropped a GMCP message with malformed JSON"), warnings.get(0));
            assertFalse(HEARD.stream().anyMatch(h -> h.contains("Char.Login")), "the handler never sees it");
        }
    }

    @Test
    void msdpIsReportedAtOnceAndPushedWhenItChanges() {
        try (TestSession client = openMud(MudProtocol.MSDP)) {
            int mark = client.bytes().length;
            client.sendBytes(b(IAC, SB, MSDP, 1, "REPORT", 2, "HEALTH", 1, "CLIENT_NAME", 2, "Kit", IAC, SE));
            assertEquals(hex(b(IAC, SB, MSDP, 1, "HEALTH", 2, "42", IAC, SE)), hex(since(client, mark)));
            assertTrue(HEARD.contains("msdp CLIENT_NAME=Kit"), HEARD.toString());
            mark = client.bytes().length;
            client.sendLine("hp 41");
            assertTrue(hex(since(client, mark)).contains(hex(b(IAC, SB, MSDP, 1, "HEALTH", 2, "41", IAC, SE))));
            mark = client.bytes().length;
            client.sendLine("hp 41");
            assertFalse(hex(since(client, mark)).contains(hex(b(IAC, SB, MSDP))), "unchanged: not sent again");
        }
    }

    @Test
    void msspAnswersDoMsspWithNamePlayersAndUptime() {
        try (TestSession client = openMud(MudProtocol.MSSP)) {
            byte[] wire = client.bytes();
            int start = indexOf(wire, b(IAC, SB, MSSP));
            assertTrue(start > indexOf(wire, b(IAC, WILL, MSSP)), hex(wire));
            String sent = new String(since(client, start), StandardCharsets.ISO_8859_1);
            assertTrue(sent.matches("(?s)\u00ff\u00fa\u0046\u0001NAME\u0002testkit-telnet\u0001PLAYERS\u0002\\d+"
                    + "\u0001UPTIME\u0002\\d{10}\u00ff\u00f0.*"), hex(since(client, start)));
            assertTrue(HEARD.contains("MSSP=true"), HEARD.toString());
        }
    }

    @Test
    void promptsEndWithEorOnceTheClientAgreedElseAsBefore() {
        try (TestSession client = openMud(MudProtocol.GMCP)) {
            int mark = client.bytes().length;
            client.sendLine("x");
            assertTrue(hex(since(client, mark)).endsWith(hex(b("> ", IAC, 239))), hex(since(client, mark)));
        }
        try (TestSession client = open(Mud.class)) {
            int mark = client.bytes().length;
            client.sendLine("x");
            assertTrue(hex(since(client, mark)).endsWith(hex(b("> "))), "SGA agreed, no EOR: nothing after the prompt");
        }
    }
}
