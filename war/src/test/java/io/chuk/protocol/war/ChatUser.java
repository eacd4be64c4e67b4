package io.chuk.protocol.war;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user of the chat sample over tcp: logs in, asks {@code /who}, talks, reads what the others say. */
final class ChatUser implements AutoCloseable {

    private static final Pattern WHO_LINE = Pattern.compile("(?m)^  (\\S+) \\(");
    private static final Duration WAIT = Duration.ofSeconds(10);

    final String nick;
    private final Socket socket = new Socket();
    private final InputStream in;
    /** What arrived and was not consumed by an {@link #await} yet. */
    private final StringBuilder unread = new StringBuilder();

    private ChatUser(String nick, int port) throws IOException {
        this.nick = nick;
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(100);
        in = socket.getInputStream();
    }

    static ChatUser login(int port, String nick) throws IOException {
        ChatUser user = new ChatUser(nick, port);
        user.await("Choose a nickname: ");
        user.say(nick);
        user.await("Hello " + nick + "!");
        user.await("> ");
        return user;
    }

    void say(String text) throws IOException {
        socket.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Asks {@code /who} until it lists {@code expected} exactly, for at most {@code within}. */
    void whoUntil(Set<String> expected, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> last;
        do {
            say("/who");
            await("Online (");
            String listing = await("\n> ");
            last = new TreeSet<>();
            Matcher matcher = WHO_LINE.matcher(listing);
            while (matcher.find()) {
                last.add(matcher.group(1));
            }
            if (last.equals(expected)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(nick + "'s /who did not list " + expected + " within " + within + "; last " + last);
    }

    /** Waits for {@code expected}, for at most 10 s; returns what came before it and consumes both. */
    String await(String expected) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int at;
        while ((at = unread.indexOf(expected)) < 0) {
            if (System.nanoTime() > deadline || !readSome()) {
                throw new AssertionError(nick + ": '" + expected + "' did not arrive; unread: " + unread);
            }
        }
        String before = unread.substring(0, at);
        unread.delete(0, at + expected.length());
        return before;
    }

    /** Reads what is there within the socket timeout; false at the end of the stream. */
    private boolean readSome() throws IOException {
        byte[] buffer = new byte[4096];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            unread.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            // nothing yet
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
