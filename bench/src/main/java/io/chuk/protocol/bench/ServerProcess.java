package io.chuk.protocol.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server under test in its own JVM: {@code java -cp <class path> <main>}, the bench's own class
 * path unless it is another build's (see
 * {@link ChildServer}) under {@code bash}, which first raises the open-files limit as far as it
 * may, then {@code exec}s Java so that the process id is the JVM's. Reads the child's ports from
 * its stdout; its stderr (the server's log) goes to ours. {@link ProcFs} reads its RSS, CPU time
 * and threads by {@link #pid()}.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;
    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Process process;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final CompletableFuture<String> started = new CompletableFuture<>();
    private volatile String description = "";

    private ServerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code mainClass} from the bench's own class path. */
    static ServerProcess launch(String name, Class<?> mainClass, List<String> jvmArgs, boolean verbose) throws IOException {
        return launch(name, System.getProperty("java.class.path"), mainClass, jvmArgs, verbose);
    }

    /** Starts {@code mainClass} from {@code classPath}; {@link #awaitStarted()} waits until it listens. */
    static ServerProcess launch(String name, String classPath, Class<?> mainClass, List<String> jvmArgs, boolean verbose)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "ulimit -n 65536 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$@\"", name));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        if (verbose) {
            command.add("-v");
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ServerProcess server = new ServerProcess(name, process);
        RUNNING.add(server);
        Thread reader = new Thread(server::readStdout, "bench-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return server;
    }

    /** Returns once the server said {@code started}; if it does not, stops it and throws. */
    void awaitStarted() throws IOException, InterruptedException {
        try {
            started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException(name + " server did not start: " + (e.getCause() != null
                    ? e.getCause().getMessage() : "no 'started' within " + START_TIMEOUT_SECONDS + " s"), e);
        }
    }

    /** {@code info TEXT}, {@code listening NAME PORT}, {@code started}; anything else is passed on to stderr. */
    private void readStdout() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("info")) {
                    description = line.substring(5);
                } else if (words[0].equals("listening") && words.length == 3) {
                    ports.put(words[1], Integer.parseInt(words[2]));
                } else if (line.equals("started")) {
                    started.complete(line);
                } else {
                    System.err.println("[" + name + "] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IOException("exited before it started"));
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    int port(String entry) {
        Integer port = ports.get(entry);
        if (port == null) {
            throw new IllegalArgumentException(name + " has no '" + entry + "' listener (has " + ports.keySet() + ")");
        }
        return port;
    }

    boolean has(String entry) {
        return ports.containsKey(entry);
    }

    long pid() {
        return process.pid();
    }

    /** Closes the child's stdin (it stops itself), and kills it if it has not gone within 5 s. */
    @Override
    public void close() {
        RUNNING.remove(this);
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** For the watchdog and the shutdown hook: kill every child still running, at once. */
    static void killAll() {
        for (ServerProcess server : RUNNING) {
            server.process.destroyForcibly();
        }
    }
}
