package io.chuk.protocol.bench;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionHost;

import java.net.InetSocketAddress;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Our share of an echo round trip, without Jetty and the kernel: the session layer (input queue,
 * executor, handler invocation, line assembly, telnet filtering, output queue and batching) driven
 * in-process, on one thread, through a transport that takes every write at once and drops the
 * bytes. The baseline, measured in the same run, is the bare work that any echo server does for a
 * message (decode the line, build {@code Echo: <line>}, encode it), as Netty's string codecs and
 * handler do it. Set beside {@link EchoBench}'s server CPU per message, it says how much of that
 * is ours.
 *
 * <p>{@code java -cp bench/target/bench.jar io.chuk.protocol.bench.SessionPathBench [messages]}
 * (default 2,000,000 per round; 7 rounds, the first two warm-up, the median counts), optionally
 * followed by the session counts ({@code 1,1000}): with tens of thousands, each session's state is
 * out of the caches by its next message, as on a busy server, and the figure shows what a message
 * costs in memory traffic.
 */
public final class SessionPathBench {

    private static final int ROUNDS = 7;
    private static final int WARMUP_ROUNDS = 2;
    private static final List<Integer> SESSIONS = List.of(1, 1000);
    private static final String LINE = "line 12345";
    private static final byte[] LINE_BYTES = (LINE + "\r\n").getBytes(StandardCharsets.US_ASCII);

    /** What the bare rounds produced, so that their work cannot be optimised away. */
    private static long sunk;
    /** Bytes our sessions handed to their transports. */
    private static long answered;

    /** One line of the table: nanoseconds per message, medians. */
    record Row(Transport transport, int sessions, double bareNanos, double oursNanos) {
    }

    private SessionPathBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        List<Integer> sessions = args.length > 1 ? Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList() : SESSIONS;
        ChildServer.quietLogging(false);
        run(messages, sessions, System.out);
    }

    /** Measures every transport at every session count, printing the table as it goes. */
    static List<Row> run(int messages, List<Integer> sessionCounts, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "Session path bench: Java %s, %d messages per round, %d rounds (median of the last %d)%n",
                Runtime.version(), messages, ROUNDS, ROUNDS - WARMUP_ROUNDS);
        out.printf(Locale.ROOT, "%-10s %8s %14s %14s %10s%n", "transport", "sessions", "bare ns/msg", "ours ns/msg", "ours/bare");
        List<Row> rows = new ArrayList<>();
        for (Transport transport : List.of(Transport.WEBSOCKET, Transport.TCP, Transport.TELNET)) {
            try (SessionHost host = new SessionHost(HandlerFactory.reflective())) {
                SessionFactory factory = host.factoryFor(config(transport));
                for (int sessions : sessionCounts) {
                    ProtocolSession[] open = new ProtocolSession[sessions];
                    for (int i = 0; i < sessions; i++) {
                        open[i] = factory.open(new DroppingChannel(20_000 + i)).session();
                    }
                    List<Double> bare = new ArrayList<>();
                    List<Double> ours = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        double bareNanos = bareRound(transport, messages);
                        double oursNanos = sessionRound(transport, open, messages);
                        if (round >= WARMUP_ROUNDS) {
                            bare.add(bareNanos);
                            ours.add(oursNanos);
                        }
                    }
                    Row row = new Row(transport, sessions, median(bare), median(ours));
                    rows.add(row);
                    out.printf(Locale.ROOT, "%-10s %8d %14.0f %14.0f %10.1f%n", transport, sessions,
                            row.bareNanos(), row.oursNanos(), row.oursNanos() / row.bareNanos());
                    for (ProtocolSession session : open) {
                        session.close();
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "(every answer counted: %d bytes from our sessions, %d from the bare rounds)%n", answered, sunk);
        return rows;
    }

    private static ServerConfig config(Transport transport) {
        return ServerConfig.builder("path-" + transport, transport).handlerType(BenchEchoHandler.class)
                .set(ServerKeys.HOST, "127.0.0.1").set(ServerKeys.PORT, 0)
                .set(ServerKeys.MAX_CONNECTIONS, 1_000_000).set(ServerKeys.MAX_CONNECTIONS_PER_IP, 0)
                .set(ServerKeys.MAX_CONNECTION_RATE_PER_IP, 0).build();
    }

    /**
     * Nanoseconds per message through our sessions, taking turns as a selector serves them; every
     * message must have been answered in full, in the round, on the calling thread.
     */
    private static double sessionRound(Transport transport, ProtocolSession[] sessions, int messages) {
        long before = answered;
        long started = System.nanoTime();
        for (int k = 0; k < messages; k++) {
            ProtocolSession session = sessions[k % sessions.length];
            if (transport == Transport.WEBSOCKET) {
                session.receiveMessage(LINE);
            } else {
                session.receive(ByteBuffer.wrap(LINE_BYTES));
            }
        }
        double nanos = (double) (System.nanoTime() - started) / messages;
        long expected = (long) messages * ("Echo: " + LINE + (transport == Transport.WEBSOCKET ? "" : "\r\n")).length();
        if (answered - before != expected) {
            throw new IllegalStateException(transport + ": our sessions answered " + (answered - before)
                    + " bytes, expected " + expected);
        }
        return nanos;
    }

    /** Nanoseconds per message of the bare work: the line decoded, answered and encoded. */
    private static double bareRound(Transport transport, int messages) {
        long started = System.nanoTime();
        for (int k = 0; k < messages; k++) {
            String line;
            if (transport == Transport.WEBSOCKET) {
                line = LINE;
            } else {
                int end = LINE_BYTES.length;
                while (end > 0 && (LINE_BYTES[end - 1] == '\n' || LINE_BYTES[end - 1] == '\r')) {
                    end--;
                }
                line = new String(LINE_BYTES, 0, end, StandardCharsets.UTF_8);
            }
            String answer = transport == Transport.WEBSOCKET ? "Echo: " + line : "Echo: " + line + "\r\n";
            sunk += ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)).remaining();
        }
        return (double) (System.nanoTime() - started) / messages;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A transport that takes every write at once and drops the bytes. */
    private static final class DroppingChannel implements SessionChannel {
        private final InetSocketAddress remote;
        private ProtocolSession session;

        DroppingChannel(int port) {
            remote = new InetSocketAddress("127.0.0.1", port);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return remote;
        }

        @Override
        public void attach(ProtocolSession session) {
            this.session = session;
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            for (ByteBuffer buffer : buffers) {
                answered += buffer.remaining();
            }
            callback.succeeded();
        }

        @Override
        public void setInputPaused(boolean paused) {
        }

        @Override
        public void close() {
            session.transportClosed(null); // as a real transport reports its end
        }
    }
}
