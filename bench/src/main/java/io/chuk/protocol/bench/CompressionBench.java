package io.chuk.protocol.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * MCCP2 against plain telnet on the echo workload: server CPU (whole process, from
 * {@code /proc}) and bytes on the wire server to client, per message. Our server runs in its
 * own process ({@link OursServer}); its {@code telnet} entry serves clients that refuse
 * compression ({@code IAC DONT 86}), its {@code mccp2} entry clients that accept it
 * ({@code IAC DO 86}), so both are telnet clients on the same code path but for the compression.
 * Each connection is a closed loop (send a line, wait for its verified echo). Two lines: a short
 * command ({@code line K}) and a 400-byte room description, the kind of text MUDs send.
 *
 * <p>{@code java -cp bench/target/bench.jar io.chuk.protocol.bench.CompressionBench
 * [--connections N] [--messages N] [--rounds N]}; at most 10 minutes whatever the options.
 */
public final class CompressionBench {

    private static final String ROOM = "You stand in the great hall of the old keep. Tapestries of faded red and gold"
            + " hang from the walls, showing hunters, hounds and a white stag. A long oak table runs down the middle"
            + " of the room, set for a feast that nobody came to. Candles gutter in iron holders. To the north a"
            + " wide stair climbs into darkness; to the east an archway opens on the kitchens. Exits: north, east,"
            + " south. A guard is here. ";
    private static final byte[] START = {(byte) 255, (byte) 250, 86, (byte) 255, (byte) 240};
    private static final long MAX_SECONDS = 600;

    private CompressionBench() {
    }

    public static void main(String[] args) throws Exception {
        int connections = option(args, "--connections", 20);
        int messages = option(args, "--messages", 2000);
        int rounds = option(args, "--rounds", 3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try (ServerProcess server = ServerProcess.launch("ours", OursServer.class, List.of(), false)) {
            server.awaitStarted();
            System.out.printf(Locale.ROOT, "%d connections x %d messages, median of %d rounds%n", connections, messages, rounds);
            System.out.println("| line | client | server µs CPU/msg | bytes/msg server→client | ratio |");
            System.out.println("|---|---|---|---|---|");
            for (boolean room : new boolean[] {false, true}) {
                round(server, false, room, connections, messages, deadline); // warm-up of both code paths
                round(server, true, room, connections, messages, deadline);
                List<double[]> plain = new ArrayList<>();
                List<double[]> compressed = new ArrayList<>();
                for (int r = 0; r < rounds; r++) { // alternating, so drift on the machine hits both alike
                    plain.add(round(server, false, room, connections, messages, deadline));
                    compressed.add(round(server, true, room, connections, messages, deadline));
                }
                double[] base = median(plain);
                String name = room ? "room (" + (ROOM.length() + 12) + " B)" : "`line K`";
                for (double[] row : new double[][] {base, median(compressed)}) {
                    System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2f |%n", name,
                            row == base ? "plain telnet" : "MCCP2", row[0], row[1], row[1] / base[1]);
                }
            }
        } finally {
            ServerProcess.killAll();
        }
        for (boolean room : new boolean[] {false, true}) {
            System.out.printf(Locale.ROOT, "compressor alone, %s: %.2f µs CPU per message (add + sync flush, this thread)%n",
                    room ? "room" : "line K", compressorMicros(room, 100_000));
        }
    }

    /** The marginal cost: CPU time of this thread for one batch of one echo line through {@link OutputDeflater}. */
    private static double compressorMicros(boolean room, int messages) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        io.chuk.protocol.compression.OutputDeflater deflater = new io.chuk.protocol.compression.OutputDeflater();
        try {
            long sink = 0;
            long before = 0;
            for (int k = -messages; k < messages; k++) { // the first half warms up
                if (k == 0) {
                    before = cpu.getCurrentThreadCpuTime();
                }
                String line = "Echo: " + (room ? ROOM : "") + "line " + k + "\r\n";
                deflater.add(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.ISO_8859_1)));
                sink += deflater.flush().length;
            }
            long nanos = cpu.getCurrentThreadCpuTime() - before;
            if (sink == 0) {
                throw new IllegalStateException("nothing compressed");
            }
            return nanos / 1000.0 / messages;
        } finally {
            deflater.end();
        }
    }

    /** One measured round; returns {server µs CPU per message, server-to-client bytes per message}. */
    private static double[] round(ServerProcess server, boolean compress, boolean room, int connections,
                                  int messages, long deadline) throws Exception {
        int port = server.port(compress ? "mccp2" : "telnet");
        List<EchoClient> clients = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            for (int i = 0; i < connections; i++) {
                clients.add(new EchoClient(port, compress, deadline));
            }
            long cpuBefore = ProcFs.cpuNanos(server.pid());
            List<Future<Long>> runs = new ArrayList<>();
            for (EchoClient client : clients) {
                runs.add(threads.submit(() -> client.run(messages, room)));
            }
            long bytes = 0;
            for (Future<Long> run : runs) {
                bytes += run.get(MAX_SECONDS, TimeUnit.SECONDS);
            }
            long cpu = ProcFs.cpuNanos(server.pid()) - cpuBefore;
            double total = (double) connections * messages;
            return new double[] {cpu / 1000.0 / total, bytes / total};
        } finally {
            threads.shutdownNow();
            for (EchoClient client : clients) {
                client.close();
            }
        }
    }

    private static double[] median(List<double[]> rounds) {
        List<double[]> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }

    private static int option(String[] args, String name, int fallback) {
        int at = Arrays.asList(args).indexOf(name);
        if (at < 0) {
            return fallback;
        }
        int value = Integer.parseInt(args[at + 1]);
        if (value < 1 || value > 100_000) {
            throw new IllegalArgumentException(name + " must be 1..100000: " + value);
        }
        return value;
    }

    /** One telnet connection that accepts or refuses MCCP2 and checks every echo. */
    private static final class EchoClient implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Inflater inflater;
        private final long deadline;
        private final byte[] buffer = new byte[16384];
        private final byte[] inflated = new byte[65536];
        /** What the client has decoded and not yet matched, as ISO-8859-1 chars. */
        private final StringBuilder text = new StringBuilder();
        private long wireBytes;

        EchoClient(int port, boolean compress, long deadline) throws IOException {
            this.deadline = deadline;
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            while (!raw.toString(StandardCharsets.ISO_8859_1).contains("ready\r\n")) {
                raw.write(buffer, 0, read());
            }
            out.write(new byte[] {(byte) 255, (byte) (compress ? 253 : 254), 86}); // DO or DONT MCCP2
            out.flush();
            if (compress) {
                inflater = new Inflater();
                int start;
                while ((start = indexOf(raw.toByteArray(), START)) < 0) {
                    raw.write(buffer, 0, read());
                }
                byte[] all = raw.toByteArray();
                feed(all, start + START.length, all.length - start - START.length);
            } else {
                inflater = null;
            }
        }

        /** Sends {@code messages} lines, each after the previous echo; returns the bytes the server sent meanwhile. */
        long run(int messages, boolean room) throws IOException {
            wireBytes = 0;
            text.setLength(0);
            for (int k = 0; k < messages; k++) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the bench ran out of time");
                }
                String line = room ? ROOM + "line " + k : "line " + k;
                out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                String expected = "Echo: " + line + "\r\n";
                int at;
                while ((at = text.indexOf(expected)) < 0) {
                    int n = read();
                    wireBytes += n;
                    if (inflater != null) {
                        feed(buffer, 0, n);
                    } else {
                        text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
                text.delete(0, at + expected.length());
            }
            return wireBytes;
        }

        private void feed(byte[] bytes, int off, int len) throws IOException {
            inflater.setInput(bytes, off, len);
            try {
                int n;
                while ((n = inflater.inflate(inflated)) > 0) {
                    text.append(new String(inflated, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (DataFormatException e) {
                throw new IOException("invalid MCCP2 stream: " + e.getMessage(), e);
            }
        }

        private int read() throws IOException {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection");
            }
            return n;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            if (inflater != null) {
                inflater.end();
            }
            socket.close();
        }
    }
}
