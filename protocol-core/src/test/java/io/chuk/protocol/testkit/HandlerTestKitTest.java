package io.chuk.protocol.testkit;

import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handler behaviours, driven through the kit on every transport: no sockets, no sleeps. */
class HandlerTestKitTest {

    private static TestSession open(Transport transport) {
        return HandlerTestKit.builder(KitHandlers.Dialogs.class).transport(transport).welcomeMessage("Welcome!").open();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void echoesLinesAfterTheWelcome(Transport transport) {
        try (TestSession client = open(transport)) {
            assertEquals(transport, client.session().transport());
            assertTrue(client.takeLines().contains("Welcome!"), client::text);
            client.sendLine("hello");
            assertShown("Echo: hello", client.takeLines(), client::text);
            client.sendLine("again");
            assertShown("Echo: again", client.takeLines(), client::text);
            assertFalse(client.isClosed());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void askIsAnsweredByTheNextLine(Transport transport) {
        try (TestSession client = open(transport)) {
            client.sendLine("name");
            assertTrue(client.text().contains("Name: "), client::text);
            client.sendLine("Ada");
            assertShown("Hello, Ada", client.takeLines(), client::text);
            client.sendLine("name?");
            assertShown("Echo: name?", client.takeLines(), () -> "the answered ask no longer takes lines");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void askWithTimeoutFailsWithInputTimeoutOnlyOnceItsTimeHasCome(Transport transport) {
        try (TestSession client = open(transport)) {
            client.sendLine("quick");
            client.takeLines();
            client.elapse(Duration.ofMillis(4999));
            assertEquals(List.of(), client.takeLines(), "not yet");
            client.elapse(Duration.ofMillis(1));
            assertShown("timed out after 5 s", client.takeLines(), client::text);
            client.sendLine("late");
            assertShown("Echo: late", client.takeLines(), () -> "after the timeout a line is a command again");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void answeredAskCancelsItsTimeout(Transport transport) {
        try (TestSession client = open(transport)) {
            client.sendLine("quick");
            client.sendLine("fast");
            assertShown("quick fast", client.takeLines(), client::text);
            client.elapse(Duration.ofMinutes(1));
            assertEquals(List.of(), client.takeLines(), "the timer of an answered ask does nothing");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void awaitGivesAStraightLineDialog(Transport transport) {
        try (TestSession client = open(transport)) {
            client.sendLine("wizard");
            assertTrue(client.text().endsWith(transport == Transport.WEBSOCKET ? "First: \n" : "First: "), client::text);
            client.sendLine("one");
            assertTrue(client.text().endsWith(transport == Transport.WEBSOCKET ? "Second: \n" : "Second: "), client::text);
            client.sendLine("two");
            List<String> lines = client.takeLines();
            assertTrue(lines.stream().anyMatch(line -> line.endsWith("one+two")), client::text);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void endSessionClosesAfterTheGoodbye(Transport transport) {
        try (TestSession client = open(transport)) {
            client.sendLine("bye");
            assertTrue(client.isClosed());
            assertShown("Bye!", client.lines());
            assertFalse(client.session().isOpen());
            assertThrows(IllegalStateException.class, () -> client.sendLine("more"));
        }
    }

    @Test
    void telnetNegotiationReachesTheHandler() {
        try (TestSession client = HandlerTestKit.builder(KitHandlers.Dialogs.class)
                .terminal("vt100", 132, 43).open()) {
            TerminalInfo terminal = client.session().terminal().orElseThrow();
            assertEquals("vt100", terminal.terminalType());
            assertEquals(132, terminal.width());
            assertEquals(43, terminal.height());
            assertShown("window 132x43", client.takeLines(), () -> "onWindowSize on the first report");
            byte[] opening = {(byte) 255, (byte) 251, 1};
            byte[] wire = client.bytes();
            assertArrayEquals(opening, java.util.Arrays.copyOf(wire, 3), "IAC WILL ECHO leads the output");
            assertFalse(client.text().contains("\u00ff"), "telnet commands are not text");

            client.resize(100, 30);
            assertEquals(List.of("window 100x30"), client.takeLines(), "nothing else, and no prompt before it");
            assertEquals(100, client.session().terminal().orElseThrow().width());
            assertEquals(30, client.session().terminal().orElseThrow().height());
        }
    }

    @Test
    void telnetEchoesCharactersInCharacterMode() {
        try (TestSession client = HandlerTestKit.open(KitHandlers.Dialogs.class, Transport.TELNET)) {
            client.takeLines();
            String before = client.text();
            client.type("abc");
            assertEquals(before + "abc", client.text(), "each character echoed");
            client.sendBytes(new byte[] {8}); // backspace
            assertEquals(before + "abc\b \b", client.text(), "the last one rubbed out");
            client.sendLine("");
            assertEquals(List.of("abc\b \b", "Echo: ab"), client.takeLines(), "the echoed line, then the answer");
        }
    }

    @Test
    void lineModeClientEchoesLocallySoTheServerDoesNot() {
        try (TestSession client = HandlerTestKit.builder(KitHandlers.Dialogs.class).lineModeClient().open()) {
            client.takeLines();
            String before = client.text();
            client.type("abc");
            assertEquals(before, client.text(), "nothing echoed");
            client.sendLine("");
            assertEquals(List.of("Echo: abc"), client.takeLines(), "only the answer, no echoed line");
            assertEquals("xterm", client.session().terminal().orElseThrow().terminalType());
        }
    }

    @Test
    void rawClientOnTheTelnetPortStillGetsLines() {
        try (TestSession client = HandlerTestKit.builder(KitHandlers.Dialogs.class).rawClient().open()) {
            client.sendLine("hi");
            assertEquals(List.of("> Echo: hi"), client.takeLines());
            assertEquals(null, client.session().terminal().orElseThrow().terminalType());
            assertThrows(IllegalStateException.class, () -> client.resize(100, 30), "no NAWS agreed");
        }
    }

    @Test
    void askSecretHidesWhatIsTypedOnTelnetThenEchoesAgain() {
        try (TestSession client = HandlerTestKit.open(KitHandlers.Dialogs.class, Transport.TELNET)) {
            client.sendLine("login");
            assertTrue(client.text().endsWith("Password: "), client::text);
            client.type("hunter2");
            client.sendLine("");
            assertFalse(client.text().contains("hunter2"), client::text);
            assertShown("7 characters", client.takeLines());
            client.type("shown");
            assertTrue(client.text().endsWith("> shown"), client::text);
            assertFalse(new String(client.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("hunter2"),
                    "not on the wire either");
        }
    }

    @Test
    void endOfInputFlushesThePartialLineAndEnds() {
        try (TestSession client = HandlerTestKit.open(KitHandlers.Dialogs.class, Transport.TCP)) {
            client.type("partial");
            client.endInput();
            assertShown("Echo: partial", client.lines(), client::text);
            assertTrue(client.isClosed());
        }
    }

    @Test
    void sessionsOfOneHostChatThroughTheDirectory() {
        try (TestHost host = HandlerTestKit.host();
             TestSession alice = host.open(KitHandlers.Dialogs.class, Transport.TCP);
             TestSession bob = host.open(KitHandlers.Dialogs.class, Transport.WEBSOCKET);
             TestSession carol = host.builder(KitHandlers.Dialogs.class).transport(Transport.TELNET).open()) {
            carol.takeLines();
            alice.sendLine("say hello");
            List<String> said = alice.takeLines();
            String told = said.get(said.size() - 1);
            assertTrue(told.startsWith("> told ") && Integer.parseInt(told.substring(7)) >= 2,
                    () -> "both others told (the directory is the process's, other tests' sessions may be there): " + said);
            assertEquals(List.of("chat: hello"), bob.takeLines());
            assertEquals(List.of("\r\u001b[Kchat: hello"), carol.takeLines(),
                    "character mode clears the half-typed line before the notice");
            assertTrue(host.open(KitHandlers.Dialogs.class, Transport.TCP).session().isOpen());
        }
    }

    @Test
    void wrongUseOfATransportIsRefused() {
        try (TestSession ws = HandlerTestKit.open(KitHandlers.Dialogs.class, Transport.WEBSOCKET);
             TestSession tcp = HandlerTestKit.open(KitHandlers.Dialogs.class, Transport.TCP)) {
            assertThrows(IllegalStateException.class, () -> ws.type("x"));
            assertThrows(IllegalStateException.class, () -> tcp.sendFrame("x"));
            assertThrows(IllegalStateException.class, () -> tcp.resize(10, 10));
            ws.sendFrame("a\nb");
            assertEquals(List.of("Echo: a", "Echo: b"), ws.takeLines(), "a frame with a newline is two lines");
        }
    }

    @Test
    void aHandlerTheServerCannotCreateEndsTheSessionWithAMessage() {
        try (TestSession client = HandlerTestKit.open(KitHandlers.Hidden.class, Transport.TCP)) {
            assertTrue(client.isClosed());
            assertEquals(List.of("Server error: the session could not be started."), client.lines());
            assertThrows(IllegalStateException.class, client::session);
        }
    }

    @Test
    void maxLineLengthComesFromTheBuilder() {
        try (TestSession client = HandlerTestKit.builder(KitHandlers.Dialogs.class).transport(Transport.TCP)
                .maxLineLength(8).open()) {
            client.sendLine("123456789");
            assertShown("Line too long (limit 8 bytes); it was discarded.", client.takeLines(), client::text);
        }
    }

    /**
     * The last line shown ends with {@code expected}: a terminal line may start with the prompt the
     * line followed (tcp shows {@code "> Echo: hello"}, telnet echoes the typed line first).
     */
    private static void assertShown(String expected, List<String> lines, Supplier<String> context) {
        assertFalse(lines.isEmpty(), () -> "no lines; " + context.get());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.endsWith(expected),
                () -> "last line \"" + last + "\" should end with \"" + expected + "\"; " + context.get());
    }

    private static void assertShown(String expected, List<String> lines) {
        assertShown(expected, lines, () -> "lines " + lines);
    }
}
