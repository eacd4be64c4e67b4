package io.chuk.protocol.standalone;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user of the chat sample over tcp: logs in with a nickname, reads {@code /who}, talks. */
final class ChatUser implements AutoCloseable {

    private static final Pattern WHO_LINE = Pattern.compile("(?m)^  (\\S+) \\((\\w+)\\)\\r?$");

    final String nick;
    final LineClient client;

    private ChatUser(String nick, LineClient client) {
        this.nick = nick;
        this.client = client;
    }

    static ChatUser login(int port, String nick) throws IOException {
        LineClient client = new LineClient(port);
        client.await("Choose a nickname: ");
        client.send(nick + "\n");
        client.await("Hello " + nick + "!");
        client.await("> ");
        return new ChatUser(nick, client);
    }

    void say(String text) throws IOException {
        client.send(text + "\n");
    }

    /** The nicknames one {@code /who} lists. */
    Set<String> who() throws IOException {
        client.send("/who\n");
        client.await("Online (");
        String listing = client.await("\n> ");
        Set<String> nicks = new TreeSet<>();
        Matcher matcher = WHO_LINE.matcher(listing);
        while (matcher.find()) {
            nicks.add(matcher.group(1));
        }
        return nicks;
    }

    /** Asks {@code /who} until its list satisfies {@code wanted}; returns the time that took, failing past {@code within}. */
    Duration whoUntil(Predicate<Set<String>> wanted, Duration within, String what) throws IOException {
        long start = System.nanoTime();
        Set<String> last;
        do {
            last = who();
            if (wanted.test(last)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        } while (System.nanoTime() - start < within.toNanos());
        throw new AssertionError(nick + "'s /who: not within " + within.toMillis() + " ms: " + what + "; last list " + last);
    }

    /** Waits for a line from the others. */
    String await(String text) throws IOException {
        return client.await(text);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
