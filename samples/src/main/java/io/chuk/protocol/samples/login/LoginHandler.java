package io.chuk.protocol.samples.login;

import io.chuk.protocol.api.InputTimeoutException;
import io.chuk.protocol.samples.echo.EchoTelnetHandler;
import jakarta.enterprise.context.Dependent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The login sample: asks {@code Username:} and then {@code Password:} with the typed password
 * hidden, accepts the user {@code demo} with the password {@code demo}, and from then on behaves
 * as the echo sample. Three wrong tries, or a minute without an answer, end the session.
 *
 * <p>Written with {@link #ask} and {@link #askSecret}, whose answers arrive through
 * {@link #whenAnswered} in the session's order: no thread waits while a user types, on any Java
 * version.
 */
@Dependent
public class LoginHandler extends EchoTelnetHandler {

    static final String USER = "demo";
    static final String PASSWORD = "demo";
    static final int MAX_TRIES = 3;
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.samples.login");

    private int failures;

    /** The welcome waits for a successful login. */
    @Override
    public void sendWelcome() throws Exception {
        askCredentials();
    }

    private void askCredentials() throws Exception {
        whenAnswered(ask("Username: ", ANSWER_TIMEOUT), (user, noUser) -> {
            if (noUser != null) {
                loginAbandoned(noUser);
                return;
            }
            whenAnswered(askSecret("Password: ", ANSWER_TIMEOUT), (password, noPassword) -> {
                if (noPassword != null) {
                    loginAbandoned(noPassword);
                } else {
                    check(user.trim(), password);
                }
            });
        });
    }

    private void check(String user, String password) throws Exception {
        if (USER.equals(user) && PASSWORD.equals(password)) {
            LOG.info("User {} logged in from {}", user, session().remoteAddress());
            session().attributes().put("user", user);
            sendLine("Login successful. Welcome, " + user + "!");
            super.sendWelcome();
            return;
        }
        failures++;
        LOG.info("Failed login {} of {} for '{}' from {}", failures, MAX_TRIES, user, session().remoteAddress());
        if (failures >= MAX_TRIES) {
            endSession("Login incorrect. Too many failed attempts. Goodbye!");
        } else {
            sendLine("Login incorrect.");
            askCredentials();
        }
    }

    private void loginAbandoned(Throwable why) {
        if (why instanceof InputTimeoutException) {
            endSession("Login timed out. Goodbye!");
        }
        // Otherwise the session ended while asking: nothing left to say.
    }
}
