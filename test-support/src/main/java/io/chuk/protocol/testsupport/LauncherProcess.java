package io.chuk.protocol.testsupport;

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
 * {@code java -jar protocol-server.jar ARGS} as a child process, with its output collected line by line.
 * The jar is {@link #JAR}: the system property {@code launcher.jar} when set (for modules other than
 * jetty-standalone, which builds it), else {@code target/protocol-server.jar} of the module running the test.
 */
public final class LauncherProcess implements AutoCloseable {

    public static final Path JAR = Path.of(System.getProperty("launcher.jar",
            Path.of("target", "protocol-server.jar").toString()));
    private static final Pattern RUNNING = Pattern.compile("server '([^']+)' .*running on (?:wss?://)?[^:]+:(\\d+)");
    /** How long a line may take to come: a start-up on a machine that other JVMs keep busy. */
    private static final Duration LINE = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final Duration KILL = Duration.ofSeconds(30);

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    /** The launcher with {@code args}, such as {@code --config FILE}. */
    public LauncherProcess(String... args) throws IOException {
        this(List.of(), List.of(), args);
    }

    /** The launcher with JVM options before {@code -jar} (such as {@code -verbose:class}). */
    public static LauncherProcess withJvmOptions(List<String> jvmOptions, String... args) throws IOException {
        return new LauncherProcess(List.of(), jvmOptions, args);
    }

    /**
     * The launcher allowed at most {@code descriptors} open files: bash's {@code ulimit -n} sets the
     * soft and the hard limit, so the JVM cannot raise it again.
     */
    public static LauncherProcess withDescriptorLimit(int descriptors, String... args) throws IOException {
        return new LauncherProcess(List.of("bash", "-c", "ulimit -n " + descriptors + " && exec \"$@\"", "launcher"),
                List.of(), args);
    }

    /** The launcher with one more environment variable. */
    public static LauncherProcess withEnvironment(String name, String value, String... args) throws IOException {
        return new LauncherProcess(List.of("env", name + "=" + value), List.of(), args);
    }

    private LauncherProcess(List<String> prefix, List<String> jvmOptions, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: package jetty-standalone first");
        }
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits, for at most 60 s per line, for the output line matching {@code regex}; returns it. */
    public String awaitLine(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + LINE.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no output line matching " + regex + " within " + LINE
                        + "; output so far:\n" + String.join("\n", all));
            }
            all.add(line);
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
    }

    /** Waits for the "server 'NAME' ... running on host:PORT" line and returns the port. */
    public int awaitPort(String serverName) throws InterruptedException {
        String line = awaitLine("server '" + Pattern.quote(serverName) + "' .*running on");
        Matcher matcher = RUNNING.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("unexpected start-up line: " + line);
        }
        return Integer.parseInt(matcher.group(2));
    }

    /** Waits, for at most 60 s, for the process to exit and returns its exit code; all output is then in {@link #output()}. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not exit within " + EXIT + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("launcher still running after SIGKILL");
        }
    }

    /** Sends SIGTERM. */
    public void terminate() {
        process.destroy();
    }

    /** The output so far: what the awaits read, and what has come since (collected for 200 ms after the last line). */
    public String output() throws InterruptedException {
        String line;
        while ((line = lines.poll(200, TimeUnit.MILLISECONDS)) != null) {
            all.add(line);
        }
        return String.join("\n", all);
    }

    /** Kills the process if a test left it running (SIGKILL: a test that wants a clean stop calls {@link #terminate}). */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
