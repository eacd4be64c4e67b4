package io.chuk.protocol.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat users over tcp on one selector thread (the caller's): each logs in with a nickname and
 * then records when each marked line {@code <sender> bSEQ} arrives. Every wait is bounded.
 */
final class ChatLoad implements AutoCloseable {

    /** One user: its node, its socket, what arrived but is not yet a whole line, and arrival times by round. */
    static final class User {
        final String nick;
        final int node;
        final SocketChannel channel;
        final StringBuilder pending = new StringBuilder();
        boolean loggedIn;
        long[] arrivals;

        User(String nick, int node, SocketChannel channel) {
            this.nick = nick;
            this.node = node;
            this.channel = channel;
        }
    }

    private final Selector selector = Selector.open();
    private final List<User> users = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private String marker;
    private int received;

    ChatLoad(String marker) throws IOException {
        this.marker = marker;
    }

    /** The lines counted from now on: {@code <nick> MARKERround}. */
    void marker(String text) {
        marker = text;
    }

    List<User> users() {
        return users;
    }

    /** Connects a user to {@code port} (its node's chat entry) and types its nickname at once. */
    User connect(String nick, int node, int port, int rounds) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.configureBlocking(false);
        User user = new User(nick, node, channel);
        user.arrivals = new long[rounds];
        channel.register(selector, SelectionKey.OP_READ, user);
        users.add(user);
        write(user, nick + "\n");
        return user;
    }

    void write(User user, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (out.hasRemaining()) {
            user.channel.write(out);
            if (System.nanoTime() > deadline) {
                throw new IOException(user.nick + ": cannot write");
            }
        }
    }

    /** Reads until every user is logged in, at most {@code seconds}. */
    void awaitLoggedIn(int seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (users.stream().anyMatch(u -> !u.loggedIn)) {
            if (System.nanoTime() > deadline) {
                long in = users.stream().filter(u -> u.loggedIn).count();
                throw new IOException("only " + in + " of " + users.size() + " users logged in within " + seconds + " s");
            }
            poll(-1);
        }
    }

    /** Reads until {@code expected} users have the line of {@code round}; returns how many did within the time. */
    int awaitRound(int round, int expected, long timeoutNanos) throws IOException {
        received = 0;
        long deadline = System.nanoTime() + timeoutNanos;
        while (received < expected && System.nanoTime() < deadline) {
            poll(round);
        }
        return received;
    }

    private void poll(int round) throws IOException {
        selector.select(50);
        for (SelectionKey key : selector.selectedKeys()) {
            User user = (User) key.attachment();
            buffer.clear();
            int n = user.channel.read(buffer);
            if (n < 0) {
                throw new IOException(user.nick + ": connection closed");
            }
            long now = System.nanoTime();
            buffer.flip();
            user.pending.append(StandardCharsets.UTF_8.decode(buffer));
            scan(user, round, now);
        }
        selector.selectedKeys().clear();
    }

    private void scan(User user, int round, long now) {
        int end;
        while ((end = user.pending.indexOf("\n")) >= 0) {
            String line = user.pending.substring(0, end);
            user.pending.delete(0, end + 1);
            if (!user.loggedIn && line.contains("Hello " + user.nick + "!")) {
                user.loggedIn = true;
            }
            if (round >= 0 && round < user.arrivals.length) {
                if (line.strip().endsWith("> " + marker + round) && user.arrivals[round] == 0) {
                    user.arrivals[round] = now;
                    received++;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (User user : users) {
            user.channel.close();
        }
        selector.close();
    }
}
