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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The tcp client: {@code connections} non-blocking sockets spread over {@code threads} selector
 * threads (named {@code bench-tcp-client-N}, so their CPU can be told apart from the server's).
 * Each socket waits for "ready", then keeps {@code depth} lines {@code line N\n} in flight: depth 1
 * is request/response, more is pipelining. Every answer must be exactly {@code Echo: line N},
 * in order.
 */
final class TcpLoad implements Load {

    static final String THREAD_PREFIX = "bench-tcp-client-";
    private static final String EXPECTED_PREFIX = "Echo: line ";

    private final int depth;
    private final List<Worker> workers = new ArrayList<>();
    private final CountDownLatch ready;
    private volatile boolean sending = true;
    private volatile boolean closed;
    private volatile Throwable failure;

    private TcpLoad(int connections, int depth) {
        this.depth = depth;
        this.ready = new CountDownLatch(connections);
    }

    /** Connects every socket and returns once all of them got "ready" and are echoing. */
    static TcpLoad start(InetSocketAddress server, int connections, int depth, int threads) throws Exception {
        TcpLoad load = new TcpLoad(connections, depth);
        try {
            for (int i = 0; i < threads; i++) {
                load.workers.add(load.new Worker(i));
            }
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(server);
                channel.configureBlocking(false);
                Worker worker = load.workers.get(i % threads);
                Conn conn = new Conn(channel, channel.register(worker.selector, SelectionKey.OP_READ));
                conn.key.attach(conn);
                worker.connections.add(conn);
            }
            load.workers.forEach(w -> w.thread.start());
            if (!load.ready.await(30, TimeUnit.SECONDS)) {
                throw new IOException("tcp: only " + (connections - load.ready.getCount()) + " of "
                        + connections + " connections said ready within 30 s");
            }
            if (load.failure != null) {
                throw new IOException("tcp client failed", load.failure);
            }
        } catch (Exception e) {
            load.close();
            throw e;
        }
        return load;
    }

    @Override
    public long completed() {
        long total = 0;
        for (Worker worker : workers) {
            total += worker.completed;
        }
        return total;
    }

    /** Client socket reads that brought answers: answers per read shows how the server batches its writes. */
    @Override
    public long answerReads() {
        long total = 0;
        for (Worker worker : workers) {
            total += worker.answerReads;
        }
        return total;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        sending = false;
        closed = true;
        for (Worker worker : workers) {
            worker.selector.wakeup();
            try {
                if (worker.thread.isAlive()) {
                    worker.thread.join(5000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Conn conn : worker.connections) {
                try {
                    conn.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
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
        while (ready.getCount() > 0) {
            ready.countDown();
        }
    }

    /** One socket's state; touched only by its worker thread. */
    private static final class Conn {
        final SocketChannel channel;
        final SelectionKey key;
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        final ByteBuffer out = ByteBuffer.allocate(4 * 1024);
        boolean ready;
        long nextSend;
        long nextExpected;

        Conn(SocketChannel channel, SelectionKey key) {
            this.channel = channel;
            this.key = key;
        }
    }

    private final class Worker implements Runnable {
        final Selector selector;
        final List<Conn> connections = new ArrayList<>();
        final Thread thread;
        /** Written only by this worker's thread. */
        volatile long completed;
        /** Socket reads that delivered at least one answer (written only by this worker's thread). */
        volatile long answerReads;

        Worker(int index) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, THREAD_PREFIX + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
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
            ByteBuffer in = conn.in;
            in.flip();
            byte[] bytes = in.array();
            int start = in.position();
            long answers = 0;
            for (int i = start; i < in.limit(); i++) {
                if (bytes[i] == '\n') {
                    int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                    answers += onLine(conn, new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
            in.position(start);
            in.compact();
            if (!in.hasRemaining()) {
                throw new IOException("answer line longer than " + in.capacity() + " bytes");
            }
            if (answers > 0) {
                completed += answers;
                answerReads++;
            }
            send(conn);
        }

        private int onLine(Conn conn, String line) throws IOException {
            if (!conn.ready) {
                if (!line.equals("ready")) {
                    throw new IOException("expected 'ready', got '" + line + "'");
                }
                conn.ready = true;
                ready.countDown();
                return 0;
            }
            String expected = EXPECTED_PREFIX + conn.nextExpected;
            if (!line.equals(expected)) {
                throw new IOException("expected '" + expected + "', got '" + line + "'");
            }
            conn.nextExpected++;
            return 1;
        }

        private void send(Conn conn) throws IOException {
            if (!sending || !conn.ready) {
                return;
            }
            boolean added = false;
            while (conn.nextSend - conn.nextExpected < depth && conn.out.remaining() >= 32) {
                conn.out.put(("line " + conn.nextSend + "\n").getBytes(StandardCharsets.ISO_8859_1));
                conn.nextSend++;
                added = true;
            }
            if (added) {
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
