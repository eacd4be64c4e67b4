package io.chuk.protocol.samples.guesswho;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuessWhoGameTest {

    private static final Pattern TABLE_LINE =
            Pattern.compile("[A-Z][a-z]+ * - (male|female), (bald|[a-z]+ (short|long) hair), .+");

    private final List<String> started = new ArrayList<>();
    private final List<Question> asked = new ArrayList<>();

    private final GuessWhoGame.Listener recorder = new GuessWhoGame.Listener() {
        @Override
        public void gameStarted(Person secret) {
            started.add(secret.name());
        }

        @Override
        public void questionAsked(Question question) {
            asked.add(question);
        }
    };

    private GuessWhoGame gameWith(String... secrets) {
        Deque<Person> queue = new ArrayDeque<>();
        for (String name : secrets) {
            queue.add(Cast.named(name).orElseThrow());
        }
        Supplier<Person> next = queue::removeFirst;
        return new GuessWhoGame(next, recorder);
    }

    private static List<String> tableLines(List<String> out) {
        return out.stream().filter(line -> line.contains(" - ") && !line.startsWith(" ")).toList();
    }

    /** Expected answers, written out by hand from the original's character table, in Question order. */
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        //                   man woman glasses hat facial black blonde brown red white bald short long
        ANSWERS.put("Claire", "N Y Y N N N N N Y N N Y N");
        ANSWERS.put("Bernard", "Y N N Y Y N N Y N N N Y N");
        ANSWERS.put("Alfred", "Y N N N Y N N N N N Y N N");
        ANSWERS.put("Maria", "N Y N Y N N N Y N N N N Y");
        ANSWERS.put("George", "Y N N Y N N N N N Y N Y N");
    }

    @Test
    void everyQuestionIsAnsweredTruthfullyForFixedSecrets() {
        assertEquals(13, Question.values().length);
        ANSWERS.forEach((name, answers) -> {
            String[] expected = answers.split(" ");
            for (Question question : Question.values()) {
                GuessWhoGame game = gameWith(name);
                game.respond("start");
                List<String> out = game.respond(question.text());
                String want = expected[question.ordinal()].equals("Y") ? "Answer: Yes" : "Answer: No";
                assertEquals(want, out.get(0), name + " / " + question.text());
                assertTrue(game.remaining().contains(Cast.named(name).orElseThrow()), "the secret always remains");
                assertTrue(game.remaining().stream().allMatch(p -> question.answerFor(p) == want.endsWith("Yes")));
            }
        });
    }

    @Test
    void questionsAreMatchedIgnoringCaseAndSurroundingBlanks() {
        GuessWhoGame game = gameWith("Claire");
        game.respond("start");
        assertEquals("Answer: Yes", game.respond("  IS IT A WOMAN?  ").get(0));
        assertEquals("I don't understand that command. Type 'help' for instructions.",
                game.respond("is it a woman").get(0));
        assertEquals(1, game.questionsAsked());
        assertEquals(List.of(Question.WOMAN), asked);
    }

    @Test
    void startListsAll24CharactersInTheOriginalsFormat() {
        GuessWhoGame game = gameWith("Claire");
        List<String> out = game.respond("start");
        assertEquals(List.of("", "=".repeat(50), "WELCOME TO GUESS WHO!", "=".repeat(50)), out.subList(0, 4));
        List<String> table = tableLines(out);
        assertEquals(24, table.size(), String.join("\n", table));
        assertTrue(table.stream().allMatch(line -> TABLE_LINE.matcher(line).matches()), String.join("\n", table));
        assertTrue(table.contains("Alex    - male, black short hair, no accessories"));
        assertTrue(table.contains("Bernard - male, brown short hair, facial hair, hat"));
        assertTrue(table.contains("Tom     - male, bald, glasses"));
        assertTrue(table.contains("Maria   - female, brown long hair, hat"));
        assertTrue(out.contains("Remaining characters: 24"));
        assertTrue(out.contains("Questions asked: 0/10"));
        assertEquals(List.of("Claire"), started);
        assertEquals(table, tableLines(game.respond("list")), "list repeats the table");
    }

    @Test
    void answersNarrowTheListAndPadNamesToTheLongestRemaining() {
        GuessWhoGame game = gameWith("Claire");
        game.respond("start");
        List<String> out = game.respond("is it a woman?");
        assertEquals(List.of("Anita  - female, blonde long hair, no accessories",
                "Anne   - female, black short hair, no accessories",
                "Claire - female, red short hair, glasses",
                "Maria  - female, brown long hair, hat",
                "Susan  - female, white long hair, no accessories"), tableLines(out));
        assertTrue(out.contains("Remaining characters: 5"));
        assertTrue(out.contains("Questions asked: 1/10"));
        assertFalse(out.stream().anyMatch(l -> l.startsWith("I think you know")));

        out = game.respond("do they have red hair?");
        assertEquals("Answer: Yes", out.get(0));
        assertTrue(out.contains("I think you know who it is now! Type 'guess [name]' to make your final guess."));
        assertEquals(List.of("Claire - female, red short hair, glasses"), tableLines(out));
        assertTrue(out.contains("Questions asked: 2/10"));
    }

    @Test
    void tenQuestionsAtMost() {
        GuessWhoGame game = gameWith("Tom");
        game.respond("start");
        for (int i = 1; i <= 9; i++) {
            List<String> out = game.respond("do they have a hat?");
            assertEquals("Answer: No", out.get(0));
            assertTrue(out.contains("Questions asked: " + i + "/10"));
            assertFalse(out.stream().anyMatch(l -> l.startsWith("You've used all")));
        }
        List<String> tenth = game.respond("are they bald?");
        assertEquals("Answer: Yes", tenth.get(0));
        assertTrue(tenth.contains("You've used all your questions! Make your final guess with 'guess [name]'."));
        assertTrue(tenth.contains("Questions asked: 10/10"));

        List<String> eleventh = game.respond("do they have glasses?");
        assertEquals(List.of("", "You've already used all your questions. "
                + "Make your final guess with 'guess [name]' or type 'help' for instructions."), eleventh);
        assertEquals(10, game.questionsAsked());
        assertEquals(10, asked.size());
        assertTrue(game.respond("list").contains("Questions asked: 10/10"));
        assertTrue(game.respond("guess tom").contains("It took you 10 questions."));
    }

    @Test
    void rightGuessCongratulatesAndEndsTheGame() {
        GuessWhoGame game = gameWith("Claire");
        game.respond("start");
        game.respond("is it a woman?");
        assertEquals(List.of("", "\uD83C\uDF89 CONGRATULATIONS! \uD83C\uDF89",
                "You correctly guessed that the character was Claire!", "It took you 1 questions.",
                "", "Type 'start' to play again or 'quit' to exit."), game.respond("Guess  CLAIRE "));
        assertFalse(game.isStarted());
        assertEquals(List.of("Game not started. Type 'start' to begin or 'help' for instructions."),
                game.respond("list"));
    }

    @Test
    void wrongGuessRevealsTheSecretAndEndsTheGame() {
        GuessWhoGame game = gameWith("Claire");
        game.respond("start");
        assertEquals(List.of("", "\u274C Sorry, that's incorrect! \u274C", "The character was Claire.",
                "", "Type 'start' to play again or 'quit' to exit."), game.respond("guess anne"));
        assertFalse(game.isStarted());
        assertEquals("Game not started. Type 'start' to begin or 'help' for instructions.",
                game.respond("guess claire").get(0));
    }

    @Test
    void nothingButHelpAndStartBeforeAGame() {
        GuessWhoGame game = gameWith();
        for (String command : List.of("list", "guess alex", "is it a man?", "hello", "")) {
            assertEquals(List.of("Game not started. Type 'start' to begin or 'help' for instructions."),
                    game.respond(command), command);
        }
        assertTrue(asked.isEmpty());
        assertTrue(started.isEmpty());
    }

    @Test
    void unknownCommandsDuringAGame() {
        GuessWhoGame game = gameWith("Alex");
        game.respond("start");
        for (String command : List.of("guess", "hello", "does he have a hat?")) {
            assertEquals(List.of("I don't understand that command. Type 'help' for instructions."),
                    game.respond(command), command);
        }
        assertEquals(0, game.questionsAsked());
    }

    @Test
    void helpListsCommandsAndAllThirteenQuestions() {
        List<String> help = gameWith().respond("HELP");
        assertEquals(List.of("", "GUESS WHO - HELP", "----------------", "COMMANDS (type exactly as shown):",
                "  start         - Start a new game",
                "  list          - Show remaining possible characters",
                "  guess [name]  - Make a final guess (e.g., 'guess alex')",
                "  help          - Show this help",
                "  quit          - Exit the game",
                "", "QUESTIONS (type exactly as shown):"), help.subList(0, 11));
        List<String> questions = help.subList(11, 24);
        assertEquals(List.of("  is it a man?", "  is it a woman?", "  do they have glasses?", "  do they have a hat?",
                "  do they have facial hair?", "  do they have black hair?", "  do they have blonde hair?",
                "  do they have brown hair?", "  do they have red hair?", "  do they have white hair?",
                "  are they bald?", "  do they have short hair?", "  do they have long hair?"), questions);
        assertEquals(List.of("", "You have 10 questions before you must guess!", "----------------", ""),
                help.subList(24, help.size()));
    }

    @Test
    void startRestartsWithANewSecretAndAFullBoard() {
        GuessWhoGame game = gameWith("Claire", "Tom");
        game.respond("start");
        game.respond("is it a woman?");
        game.respond("do they have red hair?");
        List<String> out = game.respond("start");
        assertEquals(24, tableLines(out).size());
        assertTrue(out.contains("Questions asked: 0/10"));
        assertEquals(0, game.questionsAsked());
        assertEquals(24, game.remaining().size());
        assertEquals("Answer: Yes", game.respond("are they bald?").get(0), "the new secret is Tom");
        assertEquals(List.of("Claire", "Tom"), started);
    }

    @Test
    void randomSecretsComeFromTheCastAndReachEveryone() {
        RandomGenerator seeded = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        Supplier<Person> secrets = GuessWhoGame.randomSecrets(seeded);
        Set<Person> seen = new HashSet<>();
        for (int i = 0; i < 2000 && seen.size() < Cast.ALL.size(); i++) {
            Person p = secrets.get();
            assertTrue(Cast.ALL.contains(p));
            seen.add(p);
        }
        assertEquals(24, seen.size());
    }

    @Test
    void theCastIsTheOriginals() {
        assertEquals(24, Cast.ALL.size());
        assertEquals(24, Cast.ALL.stream().map(Person::name).collect(Collectors.toSet()).size());
        assertTrue(Cast.ALL.stream().allMatch(p -> p.isBald() == p.hairColor().equals("none")));
        assertEquals(5, Cast.ALL.stream().filter(p -> p.gender().equals("female")).count());
        assertEquals(6, Cast.ALL.stream().filter(Person::isBald).count());
        assertEquals(Cast.named("tom"), Cast.named(" TOM "));
        assertTrue(Cast.named("nobody").isEmpty());
    }

    @Test
    void bannerIsTheOriginalsEightLines() {
        List<String> banner = GuessWhoGame.banner();
        assertEquals(8, banner.size());
        assertEquals("      WELCOME TO THE GUESS WHO SERVER!      ", banner.get(1));
    }
}
