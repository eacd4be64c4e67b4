package io.chuk.protocol.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The load generator: {@code connections} non-blocking sockets spread over {@code threads}
 * selector threads (named {@value #THREAD_PREFIX}N). Each socket speaks its own {@link Wire}
 * (tcp lines, telnet, WebSocket), waits for "ready", then runs a closed loop: one request
 * {@code line n} in flight, the next sent when its answer came. Every answer must be
 * exactly {@code Echo: line n}, in order; the check allocates nothing, so the client stays cheap.
 * A wrong answer or a lost connection is recorded as the {@link #failure()} and stops the load.
 * The loop can be stopped and resumed on the same connections ({@link #stopSending()}).
 */
final class SocketLoad implements AutoCloseable {

    static final String THREAD_PREFIX = "bench-client-";
    /**
     * Connections opened but not yet "ready". Below Java's default accept backlog (50), which Jetty
     * keeps: a fuller accept queue drops handshakes, and each dropped one costs a 1 s retransmit.
     */
    private static final int MAX_CONNECTING = 32;
    private static final long READY_TIMEOUT_SECONDS = 30;
    private static final byte[] READY = "ready".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ECHO = "Echo: line ".getBytes(StandardCharsets.US_ASCII);

    private final List<Worker> workers = new ArrayList<>();
    private final List<Conn> all = new ArrayList<>();
    private final CountDownLatch ready;
    private final Semaphore connecting = new Semaphore(MAX_CONNECTING);
    private volatile boolean sending;
    private volatile boolean closed;
    private volatile Throwable failure;

    private SocketLoad(int connections, boolean sending) {
        this.sending = sending;
        this.ready = new CountDownLatch(connections);
    }

    /**
     * Connects every socket and returns once all of them got "ready". With {@code sending} false
     * they stay idle until {@link #startSending()}.
     */
    static SocketLoad start(InetSocketAddress server, int connections, Supplier<Wire> wires, int threads,
                            boolean sending) throws Exception {
        SocketLoad load = new SocketLoad(connections, sending);
        try {
            for (int i = 0; i < threads; i++) {
                load.workers.add(load.new Worker(i));
            }
            load.workers.forEach(w -> w.thread.start());
            for (int i = 0; i < connections; i++) {
                if (!load.connecting.tryAcquire(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IOException(MAX_CONNECTING + " connections waited " + READY_TIMEOUT_SECONDS
                            + " s for 'ready' (" + i + " of " + connections + " opened)");
                }
                load.checkFailure();
                load.connect(server, wires.get(), load.workers.get(i % threads));
            }
            if (!load.ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("only " + (connections - load.ready.getCount()) + " of " + connections
                        + " connections said ready within " + READY_TIMEOUT_SECONDS + " s");
            }
            load.checkFailure();
        } catch (Exception e) {
            load.close();
            throw e;
        }
        return load;
    }

    private void connect(InetSocketAddress server, Wire wire, Worker worker) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(server);
            Conn conn = new Conn(channel, wire, worker);
            wire.open(conn.out);
            conn.out.flip();
            while (conn.out.hasRemaining()) {
                channel.write(conn.out); // blocking: the upgrade request goes out whole
            }
            conn.out.clear();
            channel.configureBlocking(false);
            synchronized (all) {
                all.add(conn);
            }
            worker.adopt(conn);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void checkFailure() throws IOException {
        if (failure != null) {
            throw new IOException("client failed: " + failure, failure);
        }
    }

    /**
     * Every connection stops after its request in flight: its answer is still read and checked,
     * and no next request follows until {@link #startSending()}.
     */
    void stopSending() {
        sending = false;
    }

    /** Idle connections start (or resume) their request loop. */
    void startSending() {
        sending = true;
        for (Worker worker : workers) {
            worker.kick = true;
            worker.selector.wakeup();
        }
    }

    int connections() {
        synchronized (all) {
            return all.size();
        }
    }

    /** Answers received and checked so far, over all connections. */
    long completed() {
        long total = 0;
        for (Worker worker : workers) {
            total += worker.completed;
        }
        return total;
    }

    /** Each connection's answers so far, in connection order (for {@link #stalled}). */
    long[] answersPerConnection() {
        synchronized (all) {
            long[] answers = new long[all.size()];
            for (int i = 0; i < answers.length; i++) {
                answers[i] = all.get(i).answered;
            }
            return answers;
        }
    }

    /**
     * Connections that got no answer since {@code before} was taken. With requests in flight, a
     * stalled connection means the server lost or withheld an answer.
     */
    int stalled(long[] before) {
        long[] now = answersPerConnection();
        int stalled = 0;
        for (int i = 0; i < before.length; i++) {
            if (now[i] == before[i]) {
                stalled++;
            }
        }
        return stalled;
    }

    /** The first error (wrong answer, connection lost), or null. */
    Throwable failure() {
        return failure;
    }

    /** Stops sending, sends what a polite client sends last, closes every connection and thread. */
    @Override
    public void close() {
        sending = false;
        closed = true;
        for (Worker worker : workers) {
            worker.selector.wakeup();
            try {
                worker.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (all) {
            for (Conn conn : all) {
                conn.closePolitely();
            }
        }
        for (Worker worker : workers) {
            try {
                worker.selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void fail(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        sending = false;
        closed = true;
        connecting.release(MAX_CONNECTING);
        while (ready.getCount() > 0) {
            ready.countDown();
        }
    }

    static boolean isEcho(byte[] bytes, int offset, int length, long n) {
        int digits = length - ECHO.length;
        if (digits < 1 || digits > 18 || (digits > 1 && bytes[offset + ECHO.length] == '0')) {
            return false;
        }
        for (int i = 0; i < ECHO.length; i++) {
            if (bytes[offset + i] != ECHO[i]) {
                return false;
            }
        }
        long value = 0;
        for (int i = offset + ECHO.length; i < offset + length; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            value = value * 10 + digit;
        }
        return value == n;
    }

    /** One socket's state; touched only by its worker thread, except {@link #answered}. */
    private final class Conn implements Wire.Messages {
        final SocketChannel channel;
        final Wire wire;
        final Worker worker;
        final ByteBuffer in = ByteBuffer.allocate(4096);
        final ByteBuffer out = ByteBuffer.allocate(1024);
        SelectionKey key;
        boolean isReady;
        long nextSend;
        /** Answers checked; written by the worker only, read by the measuring thread. */
        volatile long answered;

        Conn(SocketChannel channel, Wire wire, Worker worker) {
            this.channel = channel;
            this.wire = wire;
            this.worker = worker;
        }

        @Override
        public void message(byte[] bytes, int offset, int length) throws IOException {
            if (!isReady) {
                if (!Arrays.equals(bytes, offset, offset + length, READY, 0, READY.length)) {
                    throw new IOException("expected 'ready', got '" + text(bytes, offset, length) + "'");
                }
                isReady = true;
                connecting.release();
                ready.countDown();
                return;
            }
            long expected = answered;
            if (!isEcho(bytes, offset, length, expected)) {
                throw new IOException("expected 'Echo: line " + expected + "', got '" + text(bytes, offset, length)
                        + "'");
            }
            answered = expected + 1;
            worker.completed++;
        }

        void closePolitely() {
            try {
                if (isReady && out.position() == 0 && channel.isOpen()) {
                    wire.close(out);
                    out.flip();
                    channel.write(out); // best effort: never waits for a slow server
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private static String text(byte[] bytes, int offset, int length) {
            return new String(bytes, offset, Math.min(length, 200), StandardCharsets.ISO_8859_1);
        }
    }

    private final class Worker implements Runnable {
        final Selector selector;
        final List<Conn> connections = new ArrayList<>();
        final Thread thread;
        /** Answers checked; written only by this worker's thread. */
        volatile long completed;
        /** Set by {@link #startSending()}: start every idle connection's loop. */
        volatile boolean kick;

        Worker(int index) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, THREAD_PREFIX + index);
            thread.setDaemon(true);
        }

        /** Called by the connecting thread; the selector takes the new key at its next select. */
        void adopt(Conn conn) throws IOException {
            SelectionKey key = conn.channel.register(selector, SelectionKey.OP_READ, conn);
            synchronized (connections) {
                conn.key = key;
                connections.add(conn);
            }
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    selector.select(100);
                    if (kick) {
                        kick = false;
                        synchronized (connections) {
                            for (Conn conn : connections) {
                                send(conn);
                            }
                        }
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
                        conn.key = key; // the select may see the key before adopt() stored it
                        if (key.isValid() && key.isWritable()) {
                            flush(conn);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(conn);
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (Throwable e) {
                if (!closed) {
                    fail(e);
                }
            }
        }

        private void read(Conn conn) throws IOException {
            int n = conn.channel.read(conn.in);
            if (n < 0) {
                throw new IOException("server closed connection " + conn.channel.getLocalAddress());
            }
            conn.in.flip();
            conn.wire.decode(conn.in, conn.out, conn);
            conn.in.compact();
            if (!conn.in.hasRemaining()) {
                throw new IOException("server message longer than " + conn.in.capacity() + " bytes");
            }
            send(conn);
        }

        private void send(Conn conn) throws IOException {
            if (sending && conn.isReady) {
                if (conn.nextSend == conn.answered && conn.out.remaining() >= 64) {
                    conn.wire.request(conn.nextSend++, conn.out);
                }
            }
            if (conn.out.position() > 0) {
                flush(conn);
            }
        }

        private void flush(Conn conn) throws IOException {
            conn.out.flip();
            conn.channel.write(conn.out);
            conn.out.compact();
            conn.key.interestOps(conn.out.position() > 0
                    ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }
}
