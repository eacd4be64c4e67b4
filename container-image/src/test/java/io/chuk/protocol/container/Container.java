package io.chuk.protocol.container;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One detached container on the host's network (so the server's ports are the host's), removed on
 * close. Waits are bounded and poll a condition; a container that exits early fails the wait at
 * once, with its log.
 */
final class Container implements AutoCloseable {
    private static final Duration CALL = Duration.ofSeconds(60);

    final String name;

    private Container(String name) {
        this.name = name;
    }

    /** {@code podman run -d} of IMAGE with the options (mounts, env) and the command's arguments. */
    static Container run(String image, List<String> options, String... arguments) {
        String name = "chuk-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host",
                "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"));
        args.addAll(options);
        args.add(image);
        args.addAll(List.of(arguments));
        Podman.podman(CALL, args.toArray(String[]::new)).expectSuccess("podman run");
        return new Container(name);
    }

    Podman.Result podman(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(name);
        return Podman.podman(CALL, all.toArray(String[]::new));
    }

    Podman.Result exec(String... command) {
        List<String> all = new ArrayList<>(List.of("exec", name));
        all.addAll(List.of(command));
        return Podman.podman(CALL, all.toArray(String[]::new));
    }

    String logs() {
        return podman("logs").output();
    }

    boolean running() {
        return podman("inspect", "--format", "{{.State.Running}}").output().strip().equals("true");
    }

    /** Polls until something accepts on 127.0.0.1:PORT. */
    void awaitPort(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                if (!running()) {
                    throw new AssertionError("container exited before port " + port + " opened:\n" + logs());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("port " + port + " did not open within " + timeout + ":\n" + logs());
                }
                Thread.sleep(200); // poll interval, not synchronisation: the loop re-checks the port
            }
        }
    }

    /** Polls the log until it contains TEXT; returns the log. */
    String awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String logs = logs();
            if (logs.contains(text)) {
                return logs;
            }
            if (!running()) {
                throw new AssertionError("container exited before logging '" + text + "':\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the log within " + timeout + ":\n" + logs);
            }
            Thread.sleep(200); // poll interval, not synchronisation: the loop re-reads the log
        }
    }

    /** Waits for the container to end and returns its exit code. */
    int awaitExit(Duration timeout) {
        Podman.Result waited = Podman.podman(timeout, "wait", name).expectSuccess("podman wait");
        return Integer.parseInt(waited.output().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    /** {@code podman stop} (SIGTERM, SIGKILL only after the grace period) and the exit code. */
    int stop(Duration grace) {
        Podman.podman(grace.plus(CALL), "stop", "-t", Long.toString(grace.toSeconds()), name)
                .expectSuccess("podman stop");
        return Integer.parseInt(podman("inspect", "--format", "{{.State.ExitCode}}").output().strip());
    }

    @Override
    public void close() {
        podman("rm", "-f", "-t", "0");
    }
}
