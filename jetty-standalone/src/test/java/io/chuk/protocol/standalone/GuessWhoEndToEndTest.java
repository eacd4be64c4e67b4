package io.chuk.protocol.standalone;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.samples.guesswho.Cast;
import io.chuk.protocol.samples.guesswho.GuessWhoHandler;
import io.chuk.protocol.samples.guesswho.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled Guess Who configuration, started as shipped (ports moved to 0) and once more with
 * its handler swapped for one with a fixed secret, played over real sockets to a win and a loss.
 */
class GuessWhoEndToEndTest {

    private static final String RESOURCE = "io/chuk/protocol/samples/guesswho/guesswho.yaml";
    private static final String HANDLER = "io.chuk.protocol.samples.guesswho:GuessWhoHandler";

    private static final String BANNER = String.join("\r\n",
            "=============================================",
            "      WELCOME TO THE GUESS WHO SERVER!      ",
            "=============================================",
            "COMMANDS (type exactly as shown):",
            "  start         - Begin a new game",
            "  help          - View all commands & questions",
            "  quit          - Disconnect",
            "=============================================") + "\r\n";

    private static final String WOMEN_AFTER_ONE_QUESTION = String.join("\r\n",
            "Answer: Yes",
            "",
            "REMAINING CHARACTERS:",
            "---------------------",
            "Anita  - female, blonde long hair, no accessories",
            "Anne   - female, black short hair, no accessories",
            "Claire - female, red short hair, glasses",
            "Maria  - female, brown long hair, hat",
            "Susan  - female, white long hair, no accessories",
            "",
            "Remaining characters: 5",
            "Questions asked: 1/10",
            "---------------------",
            "") + "\r\n";

    private static StandaloneServer shipped;
    private static StandaloneServer fixedSecret;

    @BeforeAll
    static void start() throws Exception {
        String yaml = bundledYaml();
        assertEquals(4, occurrences(yaml, HANDLER), "every entry runs the Guess Who handler");
        shipped = started(yaml, "guesswho.yaml");
        fixedSecret = started(yaml.replace(HANDLER, FixedSecretGuessWhoHandler.class.getName()), "fixed-secret.yaml");
    }

    @AfterAll
    static void stop() {
        if (shipped != null) {
            shipped.close();
        }
        if (fixedSecret != null) {
            fixedSecret.close();
        }
    }

    @Test
    void theBundledConfigurationServesEveryTransport() throws Exception {
        ProtocolConfig config = new ConfigLoader().loadResource(RESOURCE);
        Map<String, ServerConfig> byName = config.servers().stream()
                .collect(Collectors.toMap(ServerConfig::name, s -> s));
        assertEquals(Transport.TELNET, byName.get("telnet").transport());
        assertEquals(Transport.TCP, byName.get("tcp").transport());
        assertEquals(Transport.WEBSOCKET, byName.get("websocket").transport());
        assertEquals(Transport.WS_TELNET, byName.get("ws_telnet").transport());
        assertEquals("/ws", byName.get("websocket").wsPath());
        assertEquals("/ws_telnet", byName.get("ws_telnet").wsPath());
        assertEquals(List.of(8023, 8024, 8025, 8026), config.servers().stream().map(ServerConfig::port).toList());
        assertTrue(config.servers().stream().allMatch(s -> s.host().equals("127.0.0.1")
                && s.handlerType() == GuessWhoHandler.class));
    }

    @Test
    void tcpPlaysToAWin() throws Exception {
        try (LineClient client = new LineClient(fixedSecret.localPort("tcp"))) {
            assertEquals(BANNER, client.await(BANNER));
            client.send("start\r\n");
            String board = client.await("Questions asked: 0/10\r\n---------------------\r\n\r\n");
            assertTrue(board.startsWith("\r\n" + "=".repeat(50) + "\r\nWELCOME TO GUESS WHO!\r\n" + "=".repeat(50)
                    + "\r\nI've selected a secret character. Can you guess who it is?\r\n"
                    + "You can ask up to 10 yes/no questions.\r\n"), board);
            assertEquals(24, board.lines().filter(l -> l.matches("[A-Z][a-z]+ * - .*")).count(), board);
            assertTrue(board.contains("\r\nAlex    - male, black short hair, no accessories\r\n"), board);
            assertTrue(board.contains("\r\nRemaining characters: 24\r\n"), board);

            client.send("is it a woman?\r\n");
            assertEquals(WOMEN_AFTER_ONE_QUESTION, client.await("Questions asked: 1/10\r\n---------------------\r\n\r\n"));
            client.send("Do they have RED hair?\n");
            assertEquals("Answer: Yes\r\n\r\nI think you know who it is now! Type 'guess [name]' to make your final guess.\r\n",
                    client.await("final guess.\r\n"));
            client.await("Questions asked: 2/10\r\n---------------------\r\n\r\n");

            client.send("guess claire\r\n");
            assertEquals("\r\n\uD83C\uDF89 CONGRATULATIONS! \uD83C\uDF89\r\n"
                    + "You correctly guessed that the character was Claire!\r\n"
                    + "It took you 2 questions.\r\n"
                    + "\r\nType 'start' to play again or 'quit' to exit.\r\n",
                    client.await("Type 'start' to play again or 'quit' to exit.\r\n"));
            client.send("list\r\n");
            assertEquals("Game not started. Type 'start' to begin or 'help' for instructions.\r\n",
                    client.await("instructions.\r\n"));
            client.send("quit\r\n");
            assertEquals("Thanks for playing Guess Who! Goodbye!\r\n", client.awaitClose());
        }
    }

    @Test
    void tcpPlaysToALossAndAgain() throws Exception {
        try (LineClient client = new LineClient(fixedSecret.localPort("tcp"))) {
            client.await(BANNER);
            client.send("start\r\n");
            client.await("Questions asked: 0/10\r\n---------------------\r\n\r\n");
            client.send("guess anne\r\n");
            assertEquals("\r\n\u274C Sorry, that's incorrect! \u274C\r\n"
                    + "The character was Claire.\r\n"
                    + "\r\nType 'start' to play again or 'quit' to exit.\r\n",
                    client.await("Type 'start' to play again or 'quit' to exit.\r\n"));
            client.send("start\r\n");
            assertTrue(client.await("Questions asked: 0/10\r\n---------------------\r\n\r\n")
                    .contains("WELCOME TO GUESS WHO!"));
            client.send("hello\r\n");
            assertEquals("I don't understand that command. Type 'help' for instructions.\r\n",
                    client.await("instructions.\r\n"));
            client.send(" EXIT \r\n");
            assertEquals("Thanks for playing Guess Who! Goodbye!\r\n", client.awaitClose());
        }
    }

    @Test
    void telnetShowsTheBannerAndPlays() throws Exception {
        try (LineClient client = new LineClient(fixedSecret.localPort("telnet"))) {
            client.await(BANNER);
            client.send("start\r\n");
            client.await("Questions asked: 0/10\r\n");
            client.send("guess CLAIRE\r\n");
            client.await("CONGRATULATIONS!");
            client.send("q\r\n");
            String rest = client.awaitClose();
            assertTrue(rest.endsWith("Thanks for playing Guess Who! Goodbye!\r\n"), rest);
        }
    }

    @Test
    void websocketPlaysTheShippedRandomGame() throws Exception {
        try (WsClient client = WsClient.connect("ws://127.0.0.1:" + shipped.localPort("websocket") + "/ws")) {
            for (String line : BANNER.split("\r\n")) {
                assertEquals("TEXT " + line, client.next());
            }
            client.send("start");
            client.await("TEXT Questions asked: 0/10");
            client.send("guess nobody");
            client.await("TEXT \u274C Sorry, that's incorrect! \u274C");
            String reveal = client.next();
            assertTrue(reveal.startsWith("TEXT The character was "), reveal);
            String name = reveal.substring("TEXT The character was ".length(), reveal.length() - 1);
            Person secret = Cast.named(name).orElse(null);
            assertNotNull(secret, reveal);
            client.await("TEXT Type 'start' to play again or 'quit' to exit.");
            client.send("quit");
            assertEquals("TEXT Thanks for playing Guess Who! Goodbye!", client.next());
            assertEquals("CLOSE 1000 Session ended", client.next());
        }
    }

    private static String bundledYaml() throws Exception {
        try (InputStream in = GuessWhoHandler.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Starts the configuration with every entry on a free port of 127.0.0.1. */
    private static StandaloneServer started(String yaml, String source) throws Exception {
        ProtocolConfig parsed = new ConfigLoader().parse(yaml, source);
        List<ServerConfig> onFreePorts = parsed.servers().stream().map(s -> s.withAddress(s.host(), 0)).toList();
        StandaloneServer server = new StandaloneServer(new ProtocolConfig(parsed.source(), onFreePorts));
        server.start();
        assertFalse(onFreePorts.isEmpty());
        return server;
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
