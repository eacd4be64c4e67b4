package io.chuk.protocol.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cross-node broadcast costs: a {@code redis-server}, three launcher processes joined in a
 * cluster running the chat sample on tcp, and N users spread evenly over them, all in one room.
 * One user on node 0 says a marked line each round (the next once every other user has it or a
 * second has passed); the delay until each user has it is split into users on the sender's node
 * (a local broadcast) and users on the two other nodes (through Redis pub/sub). Prints p50 and
 * p99 of both, and their difference: what the cluster adds.
 *
 * <p>{@code java -cp bench/target/bench.jar io.chuk.protocol.bench.ClusterBench [--users 1000]
 * [--rounds 200] [--jar jetty-standalone/target/protocol-server.jar] [--redis /usr/bin/redis-server]}
 */
public final class ClusterBench {

    private static final Pattern RUNNING = Pattern.compile("server 'chat' .*running on [^:]+:(\\d+)");
    private static final String CHAT = "io.chuk.protocol.samples.chat.ChatHandler";
    private static final int NODES = 3;

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = intOption(args, "--users", 1000);
        int rounds = intOption(args, "--rounds", 200);
        Path jar = Path.of(option(args, "--jar", "jetty-standalone/target/protocol-server.jar"));
        String redisBinary = option(args, "--redis", "/usr/bin/redis-server");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -B -q -pl jetty-standalone -am package -DskipTests");
        }
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly)));
        Path dir = Files.createTempDirectory("cluster-bench");
        int redisPort = freePort();
        Process redis = new ProcessBuilder(redisBinary, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        processes.add(redis);
        awaitListening(redisPort);
        int[] ports = new int[NODES];
        for (int node = 0; node < NODES; node++) {
            Path config = dir.resolve("node" + node + ".yaml");
            Files.writeString(config, """
                    cluster:
                      redis_uri: redis://127.0.0.1:%d
                      node_name: node%d
                    servers:
                      chat:
                        transport: tcp
                        port: 0
                        max_connections: 0
                        max_connections_per_ip: 0
                        max_connection_rate_per_ip: 0
                        connection_timeout: 0
                        handler_class: %s
                    """.formatted(redisPort, node, CHAT));
            Process process = new ProcessBuilder("bash", "-c", "ulimit -n 65536 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"",
                    "node", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                    "--config", config.toString()).redirectErrorStream(true).start();
            processes.add(process);
            ports[node] = awaitPort(process, "node" + node);
        }
        try (ChatLoad load = new ChatLoad("b")) {
            long start = System.nanoTime();
            for (int i = 0; i < users; i++) {
                load.connect("u" + i, i % NODES, ports[i % NODES], rounds);
            }
            load.awaitLoggedIn(300);
            System.out.printf("%d users logged in on %d nodes in %.1f s%n", users, NODES, (System.nanoTime() - start) / 1e9);
            ChatLoad.User sender = load.users().get(0);
            // Everyone on every node must see the room whole before measuring: one heartbeat at most.
            warmUp(load, sender, users);
            long[] sent = new long[rounds];
            int complete = 0;
            for (int round = 0; round < rounds; round++) {
                sent[round] = System.nanoTime();
                load.write(sender, "b" + round + "\n");
                if (load.awaitRound(round, users - 1, TimeUnit.SECONDS.toNanos(1)) == users - 1) {
                    complete++;
                }
            }
            report(load, sender, sent, rounds, complete, users);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static void warmUp(ChatLoad load, ChatLoad.User sender, int users) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int round = 0;
        load.marker("w");
        while (System.nanoTime() < deadline && round < sender.arrivals.length) {
            load.write(sender, "w" + round + "\n");
            if (load.awaitRound(round, users - 1, TimeUnit.SECONDS.toNanos(2)) == users - 1) {
                for (ChatLoad.User user : load.users()) {
                    Arrays.fill(user.arrivals, 0);
                }
                load.marker("b");
                return;
            }
            round++;
        }
        throw new IOException("the room never reached every user within 30 s");
    }

    private static void report(ChatLoad load, ChatLoad.User sender, long[] sent, int rounds, int complete, int users) {
        List<Long> local = new ArrayList<>();
        List<Long> remote = new ArrayList<>();
        long missing = 0;
        for (ChatLoad.User user : load.users()) {
            if (user == sender) {
                continue;
            }
            for (int round = 0; round < rounds; round++) {
                long at = user.arrivals[round];
                if (at == 0) {
                    missing++;
                } else {
                    (user.node == sender.node ? local : remote).add(at - sent[round]);
                }
            }
        }
        System.out.printf("%d rounds, %d reached all %d other users within 1 s; %d deliveries missing%n",
                rounds, complete, users - 1, missing);
        double localP50 = percentile(local, 50);
        double localP99 = percentile(local, 99);
        double remoteP50 = percentile(remote, 50);
        double remoteP99 = percentile(remote, 99);
        System.out.printf("| receivers | deliveries | p50 ms | p99 ms |%n|---|---|---|---|%n");
        System.out.printf("| on the sender's node (local) | %d | %.2f | %.2f |%n", local.size(), localP50, localP99);
        System.out.printf("| on the two other nodes (via Redis) | %d | %.2f | %.2f |%n", remote.size(), remoteP50, remoteP99);
        System.out.printf("| added by the cluster | | %.2f | %.2f |%n", remoteP50 - localP50, remoteP99 - localP99);
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static int awaitPort(Process process, String name) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    } else if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        System.err.println("[" + name + "] " + line);
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException(name + " exited"));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(120, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("redis-server did not listen on " + port);
                }
                Thread.sleep(50); // start-up of an external program, not a measurement
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, Integer.toString(fallback)));
    }
}
