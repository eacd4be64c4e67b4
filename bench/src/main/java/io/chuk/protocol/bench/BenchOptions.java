package io.chuk.protocol.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bench's command line. */
record BenchOptions(List<String> servers, List<String> scenarios, List<Integer> connections, int sessions,
                    double warmup, double warmupMax, double settle, double measure, int rounds, int clientThreads,
                    int idleWarmup, double idleSettle, double maxSeconds, List<String> serverJvmArgs, String oursB,
                    List<String> oursBJvmArgs, boolean verbose) {

    /** The name of the second build of ours, when {@code --ours-b} names one. */
    static final String OURS_B = "ours-b";

    static final List<String> SERVERS = List.of("ours", "netty", "jetty", "jetty-core");
    static final List<String> SCENARIOS = List.of("idle", "tcp", "telnet", "websocket");

    static final String USAGE = """
            usage: java -jar bench/target/bench.jar [options]
              --servers LIST        which servers, of ours,netty,jetty,jetty-core (all); ratios are to netty
              --scenarios LIST      of idle,tcp,telnet,websocket (all)
              --connections LIST    connection counts of the echo scenarios (100,1000)
              --sessions N          idle tcp sessions of the memory scenario (10000)
              --warmup S            warm-up seconds per server and transport, at least (4)
              --warmup-max S        the warm-up goes on while the server's JIT compilers work, up to this (20)
              --settle S            seconds of load before each window, once a server's clients resume (0.3)
              --measure S           measuring window in seconds (1)
              --rounds N            windows per server and scenario, servers taking turns; the median counts (9)
              --client-threads N    selector threads of the load generator (2)
              --idle-warmup N       memory scenario: sessions that connect, echo and close first (1000; 0: none)
              --idle-settle S       memory scenario: seconds of quiet before each RSS reading (4)
              --server-jvm-arg ARG  one more JVM option for every server process (repeatable), e.g. for JFR
              --ours-b JAR          also run ours from this jar (another build's bench.jar) as ours-b, beside ours:
                                    an A/B in one run, each round's pair measured back to back
              --ours-b-jvm-arg ARG  one more JVM option for ours-b only (repeatable): with --ours-b naming this
                                    build's own jar, an A/B of the option
              --max-seconds S       hard limit for the whole run; a watchdog kills everything after it (600)
              -v                    keep the servers' INFO logging (default: warnings only)""";

    static BenchOptions parse(String[] args) {
        List<String> servers = SERVERS;
        List<String> scenarios = SCENARIOS;
        List<Integer> connections = List.of(100, 1000);
        int sessions = 10_000;
        double warmup = 4;
        double warmupMax = 20;
        double settle = 0.3;
        double measure = 1;
        int rounds = 9;
        int clientThreads = 2;
        int idleWarmup = 1000;
        double idleSettle = 4;
        double maxSeconds = 600;
        List<String> jvmArgs = new ArrayList<>();
        String oursB = null;
        List<String> oursBJvmArgs = new ArrayList<>();
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-v" -> verbose = true;
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + arg);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--servers" -> servers = subset(value, SERVERS, "server");
                        case "--scenarios" -> scenarios = subset(value, SCENARIOS, "scenario");
                        case "--connections" -> connections = Arrays.stream(value.split(","))
                                .map(Integer::valueOf).toList();
                        case "--sessions" -> sessions = Integer.parseInt(value);
                        case "--warmup" -> warmup = Double.parseDouble(value);
                        case "--warmup-max" -> warmupMax = Double.parseDouble(value);
                        case "--settle" -> settle = Double.parseDouble(value);
                        case "--measure" -> measure = Double.parseDouble(value);
                        case "--rounds" -> rounds = Integer.parseInt(value);
                        case "--client-threads" -> clientThreads = Integer.parseInt(value);
                        case "--idle-warmup" -> idleWarmup = Integer.parseInt(value);
                        case "--idle-settle" -> idleSettle = Double.parseDouble(value);
                        case "--server-jvm-arg" -> jvmArgs.add(value);
                        case "--ours-b" -> oursB = value;
                        case "--ours-b-jvm-arg" -> oursBJvmArgs.add(value);
                        case "--max-seconds" -> maxSeconds = Double.parseDouble(value);
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        if (!servers.contains("netty")) {
            throw new IllegalArgumentException("--servers must include netty: every ratio is to it");
        }
        if (oursB == null && !oursBJvmArgs.isEmpty()) {
            throw new IllegalArgumentException("--ours-b-jvm-arg is for ours-b: name its jar with --ours-b");
        }
        if (oursB != null) {
            if (!servers.contains("ours")) {
                throw new IllegalArgumentException("--ours-b is measured against ours: --servers must include it");
            }
            if (!Files.isRegularFile(Path.of(oursB))) {
                throw new IllegalArgumentException("--ours-b: no such jar " + oursB);
            }
            List<String> withB = new ArrayList<>(servers);
            withB.add(withB.indexOf("ours") + 1, OURS_B);
            servers = List.copyOf(withB);
        }
        if (connections.stream().anyMatch(n -> n < 1) || sessions < 1 || rounds < 1 || clientThreads < 1
                || idleWarmup < 0 || measure <= 0 || maxSeconds <= 0) {
            throw new IllegalArgumentException("counts, the measuring window and the limit must be positive");
        }
        return new BenchOptions(servers, scenarios, connections, sessions, warmup, Math.max(warmup, warmupMax), settle, measure, rounds,
                clientThreads, idleWarmup, idleSettle, maxSeconds, List.copyOf(jvmArgs), oursB, List.copyOf(oursBJvmArgs), verbose);
    }

    /** The extra JVM options of one server process: every server's, then ours-b's own. */
    List<String> jvmArgs(String server) {
        if (!server.equals(OURS_B)) {
            return serverJvmArgs;
        }
        List<String> args = new ArrayList<>(serverJvmArgs);
        args.addAll(oursBJvmArgs);
        return List.copyOf(args);
    }

    /** The named items, in the canonical order. */
    private static List<String> subset(String value, List<String> known, String what) {
        List<String> named = Arrays.asList(value.split(","));
        for (String name : named) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " " + name + " (known: " + known + ")");
            }
        }
        return known.stream().filter(named::contains).toList();
    }
}
