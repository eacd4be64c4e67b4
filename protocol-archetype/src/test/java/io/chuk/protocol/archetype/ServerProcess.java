package io.chuk.protocol.archetype;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server as a child process (the generated jar, or a servlet container running the generated
 * WAR), with its output collected line by line and the ports it logs as bound remembered.
 */
final class ServerProcess implements AutoCloseable {

    /** The launcher's "TCP server 'tcp' running on ..." and the WAR's "Companion tcp server 'tcp' running on ...". */
    private static final Pattern RUNNING = Pattern.compile("server '([^']+)' .*running on (?:wss?://)?[^:]+:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();

    private ServerProcess(String name, ProcessBuilder command) throws IOException {
        this.name = name;
        process = command.redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code java -jar JAR ARGS}. */
    static ServerProcess jar(Path jar, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ServerProcess(jar.getFileName().toString(), new ProcessBuilder(command));
    }

    /** Any other server command, e.g. a servlet container's. */
    static ServerProcess of(String name, ProcessBuilder command) throws IOException {
        return new ServerProcess(name, command);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits (bounded) for the "server 'NAME' ... running on host:PORT" line and returns the port. */
    int awaitPort(String server) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ports.containsKey(server)) {
            nextLine("server '" + server + "' running", deadline);
        }
        return ports.get(server);
    }

    /** Waits (bounded) for an output line containing {@code text}. */
    void awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        if (seen.stream().anyMatch(line -> line.contains(text))) {
            return;
        }
        while (!nextLine(text, deadline).contains(text)) {
            // keep reading
        }
    }

    private String nextLine(String awaited, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
            throw new AssertionError(name + ": no '" + awaited + "' within " + START_LIMIT + "; "
                    + (process.isAlive() ? "running" : "exited " + process.exitValue()) + "; output:\n"
                    + String.join("\n", seen));
        }
        seen.add(line);
        Matcher matcher = RUNNING.matcher(line);
        if (matcher.find()) {
            ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return line;
    }

    /** Sends SIGTERM and returns the exit code, waiting a bounded time. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
