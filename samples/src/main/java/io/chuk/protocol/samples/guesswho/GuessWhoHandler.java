package io.chuk.protocol.samples.guesswho;

import io.chuk.protocol.handlers.NonBlocking;
import io.chuk.protocol.handlers.TelnetHandler;
import jakarta.enterprise.context.Dependent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The original's Guess Who sample: {@code start}, {@code list}, {@code guess <name>},
 * {@code help}, the 13 questions, and {@code quit}/{@code exit}/{@code q} to leave. As in the
 * original, every line goes through {@link #processLine(String)} and no prompt is shown, so the
 * game looks the same on every transport; the welcome is its fixed banner whatever
 * {@code welcome_message} says.
 */
@Dependent
@NonBlocking
public class GuessWhoHandler extends TelnetHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.samples.guesswho");

    private final GuessWhoGame game;

    public GuessWhoHandler() {
        this(GuessWhoGame.randomSecrets(RandomGenerator.getDefault()));
    }

    /** A handler whose games draw their secrets from {@code secrets} (tests fix the secret this way). */
    protected GuessWhoHandler(Supplier<Person> secrets) {
        game = new GuessWhoGame(secrets, new GuessWhoGame.Listener() {
            @Override
            public void gameStarted(Person secret) {
                LOG.info("Started new game for {}. Secret character: {}", session().remoteAddress(), secret.name());
            }

            @Override
            public void questionAsked(Question question) {
                LOG.info("Client {} asked: {}", session().remoteAddress(), question.text());
            }
        });
    }

    @Override
    public void sendWelcome() {
        GuessWhoGame.banner().forEach(this::sendLine);
    }

    @Override
    public void processLine(String line) {
        if (QUIT_WORDS.contains(line.strip().toLowerCase(Locale.ROOT))) {
            endSession("Thanks for playing Guess Who! Goodbye!");
            return;
        }
        game.respond(line).forEach(this::sendLine);
    }
}
