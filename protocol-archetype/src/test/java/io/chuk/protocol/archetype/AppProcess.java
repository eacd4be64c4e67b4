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

/** {@code java -jar JAR ARGS} as a child process, with its output collected line by line. */
final class AppProcess implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("server '([^']+)' .*running on (?:wss?://)?[^:]+:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();

    AppProcess(Path jar, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
        }, "app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits (bounded) for the "server 'NAME' ... running on host:PORT" line and returns the port. */
    int awaitPort(String server) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ports.containsKey(server)) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("server '" + server + "' did not start within " + START_LIMIT
                        + "; output so far:\n" + String.join("\n", seen));
            }
            seen.add(line);
            Matcher matcher = RUNNING.matcher(line);
            if (matcher.find()) {
                ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        return ports.get(server);
    }

    /** Sends SIGTERM and returns the exit code, waiting a bounded time. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
