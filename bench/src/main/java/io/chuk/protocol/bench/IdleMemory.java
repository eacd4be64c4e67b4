package io.chuk.protocol.bench;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Memory per idle session: the server process's RSS (VmRSS) after {@code sessions} tcp sessions
 * connected, said "ready" and sat idle for a settle, minus its RSS just before they connected,
 * divided by the sessions. First a warm-up: {@code --idle-warmup} sessions connect, echo once
 * and close, so that class loading and JIT compilation of the connect path, which happen
 * once per process, are not counted as per-session memory; then the server settles. Nothing
 * forces a garbage collection: each server is measured as it stands, so the growth holds the
 * sessions' heap objects, heap the collector chose to grow into while the sessions connected,
 * native buffers and any threads. Every server is measured the same way, on a fresh process,
 * before any other load. Afterwards every session must still answer one echo, so all of them were
 * live sessions.
 */
final class IdleMemory {

    private static final long ANSWER_TIMEOUT_NANOS = 60_000_000_000L;

    private IdleMemory() {
    }

    /** Bytes per session. */
    static double measure(ServerProcess server, BenchOptions options) throws Exception {
        int sessions = options.sessions();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port("tcp"));
        if (options.idleWarmup() > 0) {
            try (SocketLoad warmUp = connect(address, options.idleWarmup(), options)) {
                echoOnce(warmUp, server, "warm-up");
            }
        }
        EchoScenario.sleep(options.idleSettle());
        long before = ProcFs.rssBytes(server.pid());
        long connectStarted = System.nanoTime();
        try (SocketLoad load = connect(address, sessions, options)) {
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;
            EchoScenario.sleep(options.idleSettle());
            long after = ProcFs.rssBytes(server.pid());
            long threads = ProcFs.threads(server.pid());
            echoOnce(load, server, "idle");
            double perSession = (double) (after - before) / sessions;
            System.out.printf(Locale.ROOT, "  idle tcp @%-6d %-6s RSS %6.1f MB -> %6.1f MB  %7.0f bytes/session"
                            + "  %3d threads  (connected in %.1f s; then every session answered an echo)%n",
                    sessions, server.name(), before / 1e6, after / 1e6, perSession, threads, connectSeconds);
            return perSession;
        }
    }

    private static SocketLoad connect(InetSocketAddress address, int sessions, BenchOptions options)
            throws Exception {
        return SocketLoad.start(address, sessions, () -> new LineWire(new byte[] {'\n'}), options.clientThreads(),
                false);
    }

    /** Starts every session's echo loop and returns once each got an answer. */
    private static void echoOnce(SocketLoad load, ServerProcess server, String what) throws Exception {
        load.startSending();
        long[] none = new long[load.connections()];
        long deadline = System.nanoTime() + ANSWER_TIMEOUT_NANOS;
        int silent;
        while ((silent = load.stalled(none)) > 0 && load.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (load.failure() != null) {
            throw new IllegalStateException(what + " sessions on " + server.name() + ": client failed: "
                    + load.failure(), load.failure());
        }
        if (silent > 0) {
            throw new IllegalStateException(silent + " of " + none.length + " " + what + " sessions on "
                    + server.name() + " did not answer an echo");
        }
    }
}
