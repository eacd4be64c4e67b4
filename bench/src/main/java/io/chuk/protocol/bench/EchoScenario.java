package io.chuk.protocol.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One echo scenario (a transport at a connection count) over several servers: a warm-up of each
 * if asked (at least {@code --warmup} seconds, and on while the server's JIT compilers still work,
 * up to {@code --warmup-max}: a server still compiling is measured against its own compiler).
 * Then every server gets its connections at once, all idle, and the servers take turns on them:
 * {@code rounds} rounds in alternating order (A B C, C B A, …), in each of which one server's
 * clients run their closed loop for a settle and a window while every other server's clients
 * wait. The machine on this kind of host drifts by tens of percent within seconds, so many short
 * windows taken in turns, on connections that stay open, see the same machine far better than a
 * few long ones on fresh connections would, and no window pays for the previous one's teardown.
 */
final class EchoScenario {

    /** Where and how to load one server in this scenario. */
    record Target(ServerProcess server, InetSocketAddress address, Supplier<Wire> wires) {
    }

    private final String transport;
    private final int connections;
    private final List<Target> targets;
    private final BenchOptions options;
    private final boolean warmUp;

    /** A server whose compilers use less than this, in cores, over a warm-up round is warm. */
    private static final double QUIET_COMPILERS = 0.02;
    /** Quiet warm-up rounds in a row: enough that a lull between two bursts of compiling does not pass for the end of them. */
    private static final int QUIET_SECONDS = 3;
    /**
     * Extra load, in seconds, before a server's first window: it may have sat idle through the
     * others' warm-ups, and the first turn wakes its threads and caches up.
     */
    private static final double FIRST_TURN_SECONDS = 1;

    /** @param warmUp whether to warm each server up first (the first scenario of a transport) */
    EchoScenario(String transport, int connections, List<Target> targets, BenchOptions options, boolean warmUp) {
        this.transport = transport;
        this.connections = connections;
        this.targets = List.copyOf(targets);
        this.options = options;
        this.warmUp = warmUp;
    }

    String label() {
        return transport + " @" + connections;
    }

    /** The measurements of each server, by server name. */
    Map<String, List<Sample>> run() throws Exception {
        if (warmUp) {
            for (Target target : targets) {
                warmUp(target);
            }
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<Target, SocketLoad> loads = new LinkedHashMap<>();
        try {
            for (Target target : targets) {
                samples.put(target.server().name(), new ArrayList<>());
                long connectStarted = System.nanoTime();
                loads.put(target, SocketLoad.start(target.address(), connections, target.wires(),
                        options.clientThreads(), false));
                System.out.printf(Locale.ROOT, "  %-16s connected %-6s %d clients, all ready in %.1f s%n", label(),
                        target.server().name(), connections, (System.nanoTime() - connectStarted) / 1e9);
            }
            for (int round = 0; round < options.rounds(); round++) {
                List<Target> order = new ArrayList<>(targets);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Target target : order) {
                    SocketLoad load = loads.get(target);
                    load.startSending();
                    sleep(options.settle() + (round == 0 ? FIRST_TURN_SECONDS : 0));
                    Sample sample = window(target, load);
                    load.stopSending();
                    samples.get(target.server().name()).add(sample);
                    System.out.printf(Locale.ROOT, "  %-16s round %2d  %-6s %7.0f msg/s  server %5.1f us CPU/msg (%4.1f kernel)"
                                    + " %4.1f ctx sw/msg %4d threads  client %4.1f us/msg %3.0f%% of CPU  others %.2f cores"
                                    + "  jit %.2f cores%n", label(), round + 1, target.server().name(),
                            sample.messagesPerSecond(), sample.serverCpuMicrosPerMessage(),
                            sample.serverKernelMicrosPerMessage(),
                            sample.contextSwitchesPerMessage(), sample.serverThreads(),
                            sample.clientCpuMicrosPerMessage(), 100 * sample.clientCpuShare(), sample.otherCores(),
                            sample.compilerCores());
                }
            }
        } finally {
            loads.values().forEach(SocketLoad::close);
        }
        return samples;
    }

    /**
     * Loads the server in rounds of fresh connections (connecting, a second of echo, closing, as a
     * measurement does) for at least {@code --warmup} seconds, and on until its compilers have been
     * quiet for {@link #QUIET_SECONDS} such rounds running, or the cap passes.
     */
    private void warmUp(Target target) throws Exception {
        long pid = target.server().pid();
        long started = System.nanoTime();
        double compilerCores = 0;
        int quiet = 0;
        double elapsed = 0;
        while ((elapsed < options.warmup() || quiet < QUIET_SECONDS) && elapsed < options.warmupMax()) {
            long jit0 = ProcFs.compilerCpuNanos(pid);
            long t0 = System.nanoTime();
            try (SocketLoad load = SocketLoad.start(target.address(), connections, target.wires(),
                    options.clientThreads(), true)) {
                sleep(1);
                if (load.failure() != null) {
                    throw new IllegalStateException(label() + " on " + target.server().name()
                            + ": client failed in the warm-up: " + load.failure(), load.failure());
                }
            }
            compilerCores = (ProcFs.compilerCpuNanos(pid) - jit0) / (double) (System.nanoTime() - t0);
            quiet = compilerCores < QUIET_COMPILERS ? quiet + 1 : 0;
            elapsed = (System.nanoTime() - started) / 1e9;
        }
        System.out.printf(Locale.ROOT, "  %-16s warm-up %-6s %4.0f s, compilers at %.2f cores%s%n", label(),
                target.server().name(), elapsed, compilerCores,
                quiet >= QUIET_SECONDS ? "" : " (the --warmup-max cap)");
    }

    /** A window of {@code --measure} seconds on a running load; every answer verified, none may stall. */
    private Sample window(Target target, SocketLoad load) throws Exception {
        long pid = target.server().pid();
        double seconds = options.measure();
        long[] answers0 = load.answersPerConnection();
        Reading start = Reading.take(load, pid);
        sleep(seconds);
        Reading end = Reading.take(load, pid);
        String where = label() + " on " + target.server().name();
        if (load.failure() != null) {
            throw new IllegalStateException(where + ": client failed: " + load.failure(), load.failure());
        }
        int stalled = load.stalled(answers0);
        if (stalled > 0) {
            throw new IllegalStateException(where + ": " + stalled + " of " + connections
                    + " connections got no answer in " + seconds + " s (an answer lost?)");
        }
        long messages = end.answers - start.answers;
        double wall = (end.wallNanos - start.wallNanos) / 1e9;
        long serverCpu = end.serverNanos - start.serverNanos;
        long clientCpu = end.clientNanos - start.clientNanos;
        return new Sample(messages / wall, serverCpu / 1e3 / messages,
                (end.kernelNanos - start.kernelNanos) / 1e3 / messages,
                clientCpu / 1e3 / messages,
                (double) clientCpu / Math.max(1, clientCpu + serverCpu),
                Math.max(0, end.machineNanos - start.machineNanos - serverCpu - clientCpu) / 1e9 / wall,
                (double) Math.max(0, end.contextSwitches - start.contextSwitches) / messages,
                ProcFs.threads(pid), (end.compilerNanos - start.compilerNanos) / 1e9 / wall);
    }

    /** The counters a window reads at its start and at its end: answers, CPU times, the clock. */
    private record Reading(long answers, long contextSwitches, long compilerNanos, long serverNanos,
                           long kernelNanos, long clientNanos, long machineNanos, long wallNanos) {
        static Reading take(SocketLoad load, long pid) throws IOException {
            return new Reading(load.completed(), ProcFs.contextSwitches(pid), ProcFs.compilerCpuNanos(pid),
                    ProcFs.cpuNanos(pid), ProcFs.kernelCpuNanos(pid), ProcFs.cpuNanos(ProcessHandle.current().pid()),
                    ProcFs.machineBusyNanos(), System.nanoTime());
        }
    }

    static void sleep(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep((long) (seconds * 1000));
        }
    }
}
