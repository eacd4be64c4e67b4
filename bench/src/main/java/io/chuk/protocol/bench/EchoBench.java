package io.chuk.protocol.bench;

import com.sun.management.UnixOperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Our server against a Netty echo baseline (and the hand-written Jetty ones), each in its own JVM,
 * driven by one load generator in this JVM: idle memory per tcp session, then echo round trips
 * per second on tcp, telnet and websocket at each connection count. Prints one table with the
 * ratios to Netty. A watchdog kills everything at {@code --max-seconds}.
 */
public final class EchoBench {

    private static final byte[] LF = {'\n'};

    private EchoBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        ChildServer.quietLogging(options.verbose());
        Runtime.getRuntime().addShutdownHook(new Thread(ServerProcess::killAll, "bench-kill-servers"));
        startWatchdog(options.maxSeconds());
        int status;
        try {
            status = run(options);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(BenchOptions options) throws Exception {
        long started = System.nanoTime();
        checkOpenFilesLimit(options);
        Map<String, ServerProcess> servers = new LinkedHashMap<>();
        try {
            for (String name : options.servers()) {
                String classPath = name.equals(BenchOptions.OURS_B) ? options.oursB() : System.getProperty("java.class.path");
                servers.put(name, ServerProcess.launch(name, classPath, mainClass(name), options.jvmArgs(name),
                        options.verbose()));
            }
            for (ServerProcess server : servers.values()) {
                server.awaitStarted();
            }
            System.out.printf(Locale.ROOT, "Echo bench %s: %d CPUs, Java %s (client and servers), client threads %d;"
                            + " warm-up %.0f-%.0f s per transport (until the JIT is quiet), %d x %.0f s measured per server"
                            + " (median), taking turns on open connections%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    options.clientThreads(), options.warmup(), options.warmupMax(), options.rounds(), options.measure());
            servers.values().forEach(s -> System.out.printf(Locale.ROOT, "  %-6s pid %d: %s%n", s.name(), s.pid(),
                    s.description()));
            System.out.println();

            ResultTable table = new ResultTable(options.servers());
            List<Sample> windows = new ArrayList<>();
            List<String> abLines = new ArrayList<>();
            if (options.scenarios().contains("idle")) {
                Map<String, Double> perSession = new LinkedHashMap<>();
                for (ServerProcess server : servers.values()) {
                    if (server.has("tcp")) {
                        perSession.put(server.name(), IdleMemory.measure(server, options));
                    }
                }
                table.add(new ResultTable.Row("idle tcp @" + options.sessions(), perSession, Map.of(), List.of(), 1.2,
                        false));
            }
            for (String transport : List.of("tcp", "telnet", "websocket")) {
                if (!options.scenarios().contains(transport)) {
                    continue;
                }
                boolean first = true;
                for (int connections : options.connections()) {
                    EchoScenario scenario = new EchoScenario(transport, connections,
                            targets(transport, servers.values()), options, first);
                    first = false;
                    Map<String, Sample> medians = new LinkedHashMap<>();
                    Map<String, Double> rates = new LinkedHashMap<>();
                    Map<String, List<Sample>> rounds = scenario.run();
                    rounds.forEach((name, samples) -> {
                        windows.addAll(samples);
                        Sample median = Sample.median(samples);
                        medians.put(name, median);
                        rates.put(name, median.messagesPerSecond());
                    });
                    table.add(new ResultTable.Row(scenario.label(), rates, medians,
                            roundRatios(rounds.get("ours"), rounds.get("netty")),
                            transport.equals("websocket") ? 0.9 : 1.0, true));
                    if (rounds.containsKey(BenchOptions.OURS_B)) {
                        abLines.add(String.format(Locale.ROOT, "%-17s  throughput ours/ours-b %s   CPU per message ours/ours-b %s",
                                scenario.label(), ResultTable.byRound(roundRatios(rounds.get("ours"), rounds.get(BenchOptions.OURS_B))),
                                ResultTable.byRound(cpuRatios(rounds.get("ours"), rounds.get(BenchOptions.OURS_B)))));
                    }
                }
            }
            System.out.println();
            table.print();
            if (!abLines.isEmpty()) {
                System.out.println();
                System.out.println("A/B, ours (this jar) against ours-b (" + options.oursB() + "), round by round: median (range)");
                abLines.forEach(System.out::println);
            }
            if (!windows.isEmpty()) {
                DoubleSummaryStatistics others = windows.stream().mapToDouble(Sample::otherCores)
                        .summaryStatistics();
                System.out.printf(Locale.ROOT, "(other processes used %.2f cores on average during the measuring "
                        + "windows, %.2f at most, of %d)%n", others.getAverage(), others.getMax(),
                        Runtime.getRuntime().availableProcessors());
            }
            System.out.printf(Locale.ROOT, "(whole run %.0f s)%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } finally {
            servers.values().forEach(ServerProcess::close);
        }
    }

    private static Class<?> mainClass(String server) {
        return switch (server) {
            case "ours", BenchOptions.OURS_B -> OursServer.class;
            case "netty" -> NettyEchoServer.class;
            case "jetty" -> JettyEchoServer.class;
            case "jetty-core" -> JettyCoreEchoServer.class;
            default -> throw new IllegalArgumentException(server);
        };
    }

    /**
     * Who serves a transport: ours on its entry of that name; the baselines on their tcp line echo
     * for telnet as well (the same work), and on their WebSocket echo at /ws.
     */
    private static List<EchoScenario.Target> targets(String transport, Iterable<ServerProcess> servers) {
        List<EchoScenario.Target> targets = new ArrayList<>();
        for (ServerProcess server : servers) {
            boolean ours = server.name().equals("ours") || server.name().equals(BenchOptions.OURS_B);
            String entry = transport.equals("telnet") && !ours ? "tcp" : transport;
            if (transport.equals("telnet") && server.name().equals("jetty")) {
                continue; // the same Jetty line echo as on tcp: not worth the time
            }
            if (!server.has(entry)) {
                continue; // jetty-core serves websocket only
            }
            int port = server.port(entry);
            Supplier<Wire> wires = switch (entry) {
                case "tcp" -> () -> new LineWire(LF);
                case "telnet" -> TelnetWire::new;
                case "websocket" -> () -> new WebSocketWire("127.0.0.1", port, "/ws");
                default -> throw new IllegalStateException(entry);
            };
            targets.add(new EchoScenario.Target(server, new InetSocketAddress("127.0.0.1", port), wires));
        }
        return targets;
    }

    /** The client holds every connection of the largest scenario at once. */
    private static void checkOpenFilesLimit(BenchOptions options) {
        int needed = Math.max(Math.max(options.sessions(), options.idleWarmup()),
                options.connections().stream().max(Integer::compare).orElse(0)) + 500;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                && unix.getMaxFileDescriptorCount() < needed) {
            throw new IllegalStateException("the open-files limit is " + unix.getMaxFileDescriptorCount()
                    + ", the bench needs about " + needed + ": run it under 'ulimit -n " + needed + "' or fewer --sessions");
        }
    }

    /** Whatever happens, the run ends: a daemon thread kills the servers and halts the JVM at the limit. */
    private static void startWatchdog(double maxSeconds) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep((long) (maxSeconds * 1000));
                System.err.printf(Locale.ROOT, "benchmark exceeded --max-seconds %.0f; killing the servers, halting%n",
                        maxSeconds);
                ServerProcess.killAll();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // the run ended first
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Ours over Netty in each round: the two are measured one right after the other, so each
     * ratio is taken under nearly the same machine conditions, while the medians of the two may
     * come from different rounds. Empty unless both ran.
     */
    private static List<Double> roundRatios(List<Sample> ours, List<Sample> other) {
        return ratios(ours, other, Sample::messagesPerSecond);
    }

    private static List<Double> cpuRatios(List<Sample> ours, List<Sample> other) {
        return ratios(ours, other, Sample::serverCpuMicrosPerMessage);
    }

    /** A figure of ours over the other server's, round by round. */
    private static List<Double> ratios(List<Sample> ours, List<Sample> other, ToDoubleFunction<Sample> figure) {
        if (ours == null || other == null) {
            return List.of();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(ours.size(), other.size()); i++) {
            ratios.add(figure.applyAsDouble(ours.get(i)) / figure.applyAsDouble(other.get(i)));
        }
        return ratios;
    }
}
