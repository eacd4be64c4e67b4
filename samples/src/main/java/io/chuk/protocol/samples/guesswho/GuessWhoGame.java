package io.chuk.protocol.samples.guesswho;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One player's Guess Who: the secret character, the characters still possible and the questions
 * asked. It turns each command into the lines to show and does no I/O, so the rules can be tested
 * alone. The original wrote some lines with a leading or trailing {@code \n}; here that newline is
 * an empty line of its own, which looks the same on a terminal and keeps every line a plain line.
 */
public final class GuessWhoGame {

    public static final int MAX_QUESTIONS = 10;

    private static final String RULE = "=".repeat(50);

    /** What the game reports to whoever wants to log it. */
    public interface Listener {
        void gameStarted(Person secret);

        void questionAsked(Question question);
    }

    private final Supplier<Person> secrets;
    private final Listener listener;
    private boolean started;
    private Person secret;
    private List<Person> remaining = Cast.ALL;
    private int questionsAsked;

    /** A game whose secrets are drawn from {@code secrets}, one per {@code start}. */
    public GuessWhoGame(Supplier<Person> secrets, Listener listener) {
        this.secrets = secrets;
        this.listener = listener;
    }

    /** Secrets chosen uniformly among the 24 characters. */
    public static Supplier<Person> randomSecrets(RandomGenerator random) {
        return () -> Cast.ALL.get(random.nextInt(Cast.ALL.size()));
    }

    /** The server's fixed greeting, shown on connect. */
    public static List<String> banner() {
        return List.of(
                "=============================================",
                "      WELCOME TO THE GUESS WHO SERVER!      ",
                "=============================================",
                "COMMANDS (type exactly as shown):",
                "  start         - Begin a new game",
                "  help          - View all commands & questions",
                "  quit          - Disconnect",
                "=============================================");
    }

    /** The answer to one command line (any case, surrounding blanks ignored); quitting is the caller's. */
    public List<String> respond(String line) {
        String command = line.strip().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        Optional<Question> question = Question.parse(command);
        if (command.equals("help")) {
            help(out);
        } else if (command.equals("start")) {
            start(out);
        } else if (started && command.equals("list")) {
            list(out);
        } else if (started && command.startsWith("guess ")) {
            guess(command.substring("guess ".length()), out);
        } else if (started && question.isPresent()) {
            ask(question.get(), out);
        } else if (!started) {
            out.add("Game not started. Type 'start' to begin or 'help' for instructions.");
        } else {
            out.add("I don't understand that command. Type 'help' for instructions.");
        }
        return out;
    }

    public boolean isStarted() {
        return started;
    }

    public int questionsAsked() {
        return questionsAsked;
    }

    /** The characters the answers so far leave possible, in the original's order. */
    public List<Person> remaining() {
        return remaining;
    }

    private void help(List<String> out) {
        out.add("");
        out.add("GUESS WHO - HELP");
        out.add("----------------");
        out.add("COMMANDS (type exactly as shown):");
        out.add("  start         - Start a new game");
        out.add("  list          - Show remaining possible characters");
        out.add("  guess [name]  - Make a final guess (e.g., 'guess alex')");
        out.add("  help          - Show this help");
        out.add("  quit          - Exit the game");
        out.add("");
        out.add("QUESTIONS (type exactly as shown):");
        for (Question q : Question.values()) {
            out.add("  " + q.text());
        }
        out.add("");
        out.add("You have " + MAX_QUESTIONS + " questions before you must guess!");
        out.add("----------------");
        out.add("");
    }

    private void start(List<String> out) {
        remaining = Cast.ALL;
        secret = secrets.get();
        questionsAsked = 0;
        started = true;
        listener.gameStarted(secret);
        out.add("");
        out.add(RULE);
        out.add("WELCOME TO GUESS WHO!");
        out.add(RULE);
        out.add("I've selected a secret character. Can you guess who it is?");
        out.add("You can ask up to " + MAX_QUESTIONS + " yes/no questions.");
        out.add("");
        out.add("AVAILABLE COMMANDS:");
        out.add("  list          - Show all possible characters");
        out.add("  help          - Show all commands & questions");
        out.add("  guess [name]  - Make your final guess (e.g., 'guess alex')");
        out.add("");
        out.add("EXAMPLE QUESTIONS:");
        out.add("  " + Question.MAN.text());
        out.add("  " + Question.GLASSES.text());
        out.add("  " + Question.RED_HAIR.text());
        out.add("  (type 'help' to see all available questions)");
        out.add(RULE);
        out.add("");
        list(out);
    }

    private void ask(Question question, List<String> out) {
        if (questionsAsked >= MAX_QUESTIONS) {
            out.add("");
            out.add("You've already used all your questions. "
                    + "Make your final guess with 'guess [name]' or type 'help' for instructions.");
            return;
        }
        questionsAsked++;
        listener.questionAsked(question);
        boolean answer = question.answerFor(secret);
        remaining = remaining.stream().filter(p -> question.answerFor(p) == answer).toList();
        out.add("Answer: " + (answer ? "Yes" : "No"));
        if (remaining.size() == 1) {
            out.add("");
            out.add("I think you know who it is now! Type 'guess [name]' to make your final guess.");
        }
        if (questionsAsked >= MAX_QUESTIONS) {
            out.add("");
            out.add("You've used all your questions! Make your final guess with 'guess [name]'.");
        }
        list(out);
    }

    private void guess(String name, List<String> out) {
        if (Cast.named(name).filter(secret::equals).isPresent()) {
            out.add("");
            out.add("\uD83C\uDF89 CONGRATULATIONS! \uD83C\uDF89");
            out.add("You correctly guessed that the character was " + secret.name() + "!");
            out.add("It took you " + questionsAsked + " questions.");
        } else {
            out.add("");
            out.add("\u274C Sorry, that's incorrect! \u274C");
            out.add("The character was " + secret.name() + ".");
        }
        out.add("");
        out.add("Type 'start' to play again or 'quit' to exit.");
        started = false;
    }

    /** The table of remaining characters; the secret always remains, so it is never empty. */
    private void list(List<String> out) {
        int width = remaining.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        out.add("");
        out.add("REMAINING CHARACTERS:");
        out.add("---------------------");
        remaining.stream().sorted(Comparator.comparing(Person::name)).forEach(p ->
                out.add(String.format(Locale.ROOT, "%-" + width + "s - %s, %s, %s",
                        p.name(), p.gender(), hair(p), features(p))));
        out.add("");
        out.add("Remaining characters: " + remaining.size());
        out.add("Questions asked: " + questionsAsked + "/" + MAX_QUESTIONS);
        out.add("---------------------");
        out.add("");
    }

    private static String hair(Person p) {
        return p.isBald() ? "bald" : p.hairColor() + " " + p.hairType() + " hair";
    }

    private static String features(Person p) {
        List<String> features = new ArrayList<>();
        if (p.glasses()) {
            features.add("glasses");
        }
        if (p.facialHair()) {
            features.add("facial hair");
        }
        if (p.hat()) {
            features.add("hat");
        }
        return features.isEmpty() ? "no accessories" : String.join(", ", features);
    }
}
