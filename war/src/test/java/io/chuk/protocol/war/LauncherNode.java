package io.chuk.protocol.war;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone launcher jar ({@code launcher.jar}, built by jetty-standalone before this module)
 * as a child process with a YAML of its own, its output collected line by line.
 */
final class LauncherNode implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("server '([^']+)' .*running on (?:wss?://)?[^:]+:(\\d+)");
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    LauncherNode(Path config) throws IOException {
        Path jar = Path.of(System.getProperty("launcher.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: jetty-standalone must be packaged first");
        }
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--config", config.toString()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the "server 'NAME' ... running on host:PORT" line and returns the port. */
    int awaitPort(String serverName) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("the launcher did not start '" + serverName + "' within " + START
                        + "; output:\n" + String.join("\n", seen));
            }
            seen.add(line);
            Matcher matcher = RUNNING.matcher(line);
            if (matcher.find() && matcher.group(1).equals(serverName)) {
                return Integer.parseInt(matcher.group(2));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
