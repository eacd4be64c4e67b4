package io.chuk.protocol.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.standalone.StandaloneServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Echo throughput of our server against hand-written Jetty baselines, measured in one run.
 *
 * <p>In one JVM it starts (a) our {@link StandaloneServer} from YAML with {@link BenchEchoHandler}
 * on a {@code tcp} and a {@code websocket} entry, (b) {@link BaselineTcpServer} and
 * {@link BaselineWebSocketServer} on the same Jetty. For each scenario (tcp request/response, tcp
 * pipelined, websocket request/response) it warms both up, then measures them alternately
 * ({@code rounds} times, order ABBA…), each round with fresh connections: connect, wait for
 * "ready", let it settle, count verified answers over the measuring window. It prints the median
 * messages per second of each server and the ratio ours/baseline, plus server CPU per message
 * (process CPU minus the client threads' CPU). Everything binds 127.0.0.1; a watchdog halts the
 * JVM if the run overruns {@code --max-seconds}.
 */
public final class EchoThroughput {

    private static final String USAGE = """
            usage: java -jar bench/target/bench.jar [options]
              --connections N     concurrent connections per server (100)
              --warmup S          warm-up seconds per server and scenario (4)
              --settle S          seconds after connecting before each measurement (1)
              --measure S         measuring window in seconds (5)
              --rounds N          measurements per server and scenario; the median is reported (3)
              --depth N           lines in flight per connection in the pipelined scenario (16)
              --client-threads N  selector threads of the tcp client (1)
              --scenarios LIST    comma-separated subset of tcp-rr,tcp-pipelined,ws-rr (all)
              --max-seconds S     hard limit for the whole run (175)
              -v                  keep the servers' INFO logging (default: warnings only)""";

    private EchoThroughput() {
    }

    record Options(int connections, double warmup, double settle, double measure, int rounds, int depth,
                   int clientThreads, List<String> scenarios, double maxSeconds, boolean verbose) {

        static Options parse(String[] args) {
            int connections = 100;
            double warmup = 4;
            double settle = 1;
            double measure = 5;
            int rounds = 3;
            int depth = 16;
            int clientThreads = 1;
            List<String> scenarios = List.of("tcp-rr", "tcp-pipelined", "ws-rr");
            double maxSeconds = 175;
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
                            case "--connections" -> connections = Integer.parseInt(value);
                            case "--warmup" -> warmup = Double.parseDouble(value);
                            case "--settle" -> settle = Double.parseDouble(value);
                            case "--measure" -> measure = Double.parseDouble(value);
                            case "--rounds" -> rounds = Integer.parseInt(value);
                            case "--depth" -> depth = Integer.parseInt(value);
                            case "--client-threads" -> clientThreads = Integer.parseInt(value);
                            case "--scenarios" -> scenarios = Arrays.asList(value.split(","));
                            case "--max-seconds" -> maxSeconds = Double.parseDouble(value);
                            default -> throw new IllegalArgumentException("unknown option " + arg);
                        }
                    }
                }
            }
            for (String scenario : scenarios) {
                if (!List.of("tcp-rr", "tcp-pipelined", "ws-rr").contains(scenario)) {
                    throw new IllegalArgumentException("unknown scenario " + scenario);
                }
            }
            if (connections < 1 || rounds < 1 || depth < 1 || clientThreads < 1 || measure <= 0) {
                throw new IllegalArgumentException("counts and the measuring window must be positive");
            }
            return new Options(connections, warmup, settle, measure, rounds, depth, clientThreads, scenarios,
                    maxSeconds, verbose);
        }
    }

    /** How to put load on one server of a scenario. */
    @FunctionalInterface
    interface LoadStarter {
        Load start() throws Exception;
    }

    record Scenario(String transport, String mode, LoadStarter ours, LoadStarter baseline, List<String> clientThreads) {
    }

    /** One measuring window. */
    record Sample(double messagesPerSecond, double serverCpuMicrosPerMessage, double clientCpuShare,
                  double answersPerRead, double contextSwitchesPerMessage) {
    }

    record Result(Scenario scenario, List<Sample> ours, List<Sample> baseline) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        quietLogging(options.verbose());
        startWatchdog(options.maxSeconds());
        int status = run(options);
        System.exit(status);
    }

    private static int run(Options options) throws Exception {
        long started = System.nanoTime();
        String yaml = """
                servers:
                  tcp:
                    host: 127.0.0.1
                    port: 0
                    transport: tcp
                    handler_class: %1$s
                    max_connections: 1000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    connection_timeout: 0
                  websocket:
                    host: 127.0.0.1
                    port: 0
                    transport: websocket
                    ws_path: /ws
                    handler_class: %1$s
                    max_connections: 1000
                    max_connections_per_ip: 0
                    max_connection_rate_per_ip: 0
                    connection_timeout: 0
                """.formatted(BenchEchoHandler.class.getName());
        StandaloneServer ours = new StandaloneServer(new ConfigLoader().parse(yaml, "bench.yaml"));
        ours.start();
        ExecutorService wsExecutor = Executors.newFixedThreadPool(2, named("bench-ws-client-"));
        HttpClient http = HttpClient.newBuilder().executor(wsExecutor).build();
        try (BaselineTcpServer baseTcp = new BaselineTcpServer();
             BaselineWebSocketServer baseWs = new BaselineWebSocketServer()) {
            InetSocketAddress oursTcp = new InetSocketAddress("127.0.0.1", ours.localPort("tcp"));
            InetSocketAddress baselineTcp = new InetSocketAddress("127.0.0.1", baseTcp.port());
            URI oursWs = URI.create("ws://127.0.0.1:" + ours.localPort("websocket") + "/ws");
            URI baselineWs = URI.create("ws://127.0.0.1:" + baseWs.port() + BaselineWebSocketServer.PATH);
            int n = options.connections();
            List<String> tcpThreads = List.of(TcpLoad.THREAD_PREFIX);
            List<String> wsThreads = List.of("bench-ws-client-", "HttpClient-");

            List<Scenario> scenarios = new ArrayList<>();
            for (String name : options.scenarios()) {
                switch (name) {
                    case "tcp-rr" -> scenarios.add(new Scenario("tcp", "req/resp",
                            () -> TcpLoad.start(oursTcp, n, 1, options.clientThreads()),
                            () -> TcpLoad.start(baselineTcp, n, 1, options.clientThreads()), tcpThreads));
                    case "tcp-pipelined" -> scenarios.add(new Scenario("tcp", "pipe " + options.depth(),
                            () -> TcpLoad.start(oursTcp, n, options.depth(), options.clientThreads()),
                            () -> TcpLoad.start(baselineTcp, n, options.depth(), options.clientThreads()), tcpThreads));
                    case "ws-rr" -> scenarios.add(new Scenario("websocket", "req/resp",
                            () -> WsLoad.start(http, oursWs, n),
                            () -> WsLoad.start(http, baselineWs, n), wsThreads));
                    default -> throw new IllegalStateException(name);
                }
            }

            System.out.printf(Locale.ROOT, "Echo throughput, %d connections per server, warm-up %.0f s, %d x %.0f s "
                            + "measured (median), %d CPUs, Java %s%n", n, options.warmup(), options.rounds(),
                    options.measure(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "ours: StandaloneServer tcp :%d, ws :%d; baseline: Jetty line echo :%d, "
                            + "Jakarta echo endpoint :%d%n%n", oursTcp.getPort(), ours.localPort("websocket"),
                    baseTcp.port(), baseWs.port());

            List<Result> results = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                String label = scenario.transport() + " " + scenario.mode();
                measure(scenario.ours(), 0, options.warmup(), scenario.clientThreads());
                measure(scenario.baseline(), 0, options.warmup(), scenario.clientThreads());
                List<Sample> oursSamples = new ArrayList<>();
                List<Sample> baseSamples = new ArrayList<>();
                for (int round = 0; round < options.rounds(); round++) {
                    boolean oursFirst = round % 2 == 0; // ABBA: drift hits both sides alike
                    for (int side = 0; side < 2; side++) {
                        boolean isOurs = (side == 0) == oursFirst;
                        Sample sample = measure(isOurs ? scenario.ours() : scenario.baseline(), options.settle(),
                                options.measure(), scenario.clientThreads());
                        (isOurs ? oursSamples : baseSamples).add(sample);
                        System.out.printf(Locale.ROOT, "  %-20s round %d  %-8s %10.0f msg/s  server %6.1f us CPU/msg"
                                        + "  client %3.0f%% of CPU  %4.1f ctx switches/msg%s%n", label, round + 1,
                                isOurs ? "ours" : "baseline", sample.messagesPerSecond(),
                                sample.serverCpuMicrosPerMessage(), 100 * sample.clientCpuShare(),
                                sample.contextSwitchesPerMessage(),
                                Double.isNaN(sample.answersPerRead()) ? ""
                                        : String.format(Locale.ROOT, "  %.1f answers/client read", sample.answersPerRead()));
                    }
                }
                results.add(new Result(scenario, oursSamples, baseSamples));
            }
            System.out.printf(Locale.ROOT, "%nchuk-session threads alive after the run: %d%n",
                    countThreads("chuk-session-"));
            printTable(results);
            System.out.printf(Locale.ROOT, "(whole run %.0f s)%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            return 1;
        } finally {
            ours.close();
            wsExecutor.shutdownNow();
        }
    }

    /** Connects a fresh set of clients, lets them settle, then counts answers over {@code seconds}. */
    private static Sample measure(LoadStarter starter, double settle, double seconds, List<String> clientThreads)
            throws Exception {
        try (Load load = starter.start()) {
            sleep(settle);
            long c0 = load.completed();
            long r0 = load.answerReads();
            long cs0 = contextSwitches();
            long cpu0 = processCpuNanos();
            long client0 = threadCpuNanos(clientThreads);
            long t0 = System.nanoTime();
            sleep(seconds);
            long c1 = load.completed();
            long r1 = load.answerReads();
            long cs1 = contextSwitches();
            long cpu1 = processCpuNanos();
            long client1 = threadCpuNanos(clientThreads);
            long t1 = System.nanoTime();
            if (load.failure() != null) {
                throw new IllegalStateException("client failed: " + load.failure(), load.failure());
            }
            long messages = c1 - c0;
            if (messages <= 0) {
                throw new IllegalStateException("no answers at all in " + seconds + " s");
            }
            long clientCpu = client1 - client0;
            long processCpu = cpu1 - cpu0;
            return new Sample(messages / ((t1 - t0) / 1e9), (processCpu - clientCpu) / 1e3 / messages,
                    processCpu > 0 ? (double) clientCpu / processCpu : 0,
                    r0 >= 0 && r1 > r0 ? (double) messages / (r1 - r0) : Double.NaN,
                    cs0 >= 0 && cs1 >= cs0 ? (double) (cs1 - cs0) / messages : Double.NaN);
        }
    }

    private static void printTable(List<Result> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-10s %-9s %12s %15s %7s %20s%n", "transport", "mode", "ours msg/s",
                "baseline msg/s", "ratio", "server us CPU/msg");
        for (Result result : results) {
            Sample ours = median(result.ours());
            Sample base = median(result.baseline());
            System.out.printf(Locale.ROOT, "%-10s %-9s %12.0f %15.0f %7.2f %9.1f / %-9.1f%n",
                    result.scenario().transport(), result.scenario().mode(), ours.messagesPerSecond(),
                    base.messagesPerSecond(), ours.messagesPerSecond() / base.messagesPerSecond(),
                    ours.serverCpuMicrosPerMessage(), base.serverCpuMicrosPerMessage());
        }
        System.out.println("(ratio = ours / baseline, medians of the rounds; server CPU: ours / baseline, "
                + "process CPU minus client threads, GC and JIT included)");
    }

    /** The sample with the median throughput (the CPU figure comes from that same window). */
    private static Sample median(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort((a, b) -> Double.compare(a.messagesPerSecond(), b.messagesPerSecond()));
        return sorted.get(sorted.size() / 2);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpuNanos(List<String> prefixes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && prefixes.stream().anyMatch(info.getThreadName()::startsWith)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /**
     * Context switches of all threads of this JVM (client and servers alike) from
     * /proc/self/task/N/status, or -1 where there is no /proc. Threads that ended are not counted.
     */
    private static long contextSwitches() {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return -1;
        }
        long total = 0;
        for (java.io.File task : tasks) {
            try {
                for (String line : java.nio.file.Files.readAllLines(task.toPath().resolve("status"))) {
                    if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                        total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return total;
    }

    private static int countThreads(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix)).count();
    }

    private static void sleep(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep((long) (seconds * 1000));
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void quietLogging(boolean verbose) {
        if (!verbose && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("io.chuk").setLevel(Level.WARN);
        }
    }

    /** Whatever happens, the run ends: a daemon thread halts the JVM at the limit. */
    private static void startWatchdog(double maxSeconds) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) (maxSeconds * 1000));
                System.err.printf(Locale.ROOT, "benchmark exceeded --max-seconds %.0f; halting%n", maxSeconds);
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // the run ended first
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
