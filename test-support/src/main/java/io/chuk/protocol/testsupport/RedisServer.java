package io.chuk.protocol.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code redis-server} on a loopback port below 32768, without persistence: started, stopped and
 * started again on the same port. Installed by {@link ClientTools} when {@code /usr/bin/redis-server} is
 * missing; a test that needs it fails rather than skips when it cannot be had.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path DEBIAN_BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final String binary;
    private Process process;

    /** Starts one on a free port below 32768. */
    public RedisServer() throws Exception {
        this(LoopbackPorts.freeBelow32768());
    }

    /** Starts one on {@code port}, for a test that has to name the port before Redis runs. */
    public RedisServer(int port) throws Exception {
        this.port = port;
        if (!Files.isExecutable(DEBIAN_BINARY)) {
            ClientTools.ensureInstalled();
        }
        binary = Files.isExecutable(DEBIAN_BINARY) ? DEBIAN_BINARY.toString() : "redis-server";
        start();
    }

    public int port() {
        return port;
    }

    /** The Redis URI of a server on 127.0.0.1:{@code port}. */
    public static String uri(int port) {
        return "redis://127.0.0.1:" + port;
    }

    public String uri() {
        return uri(port);
    }

    /** Starts it (again, after {@link #stop}) and waits until it accepts connections. */
    public void start() throws Exception {
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                .redirectErrorStream(true).start();
        LoopbackPorts.awaitListening(port, process, "redis-server");
    }

    /** Stops it (SIGTERM) and waits until it is gone; fails if it is still there after 20 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("redis-server did not stop on SIGTERM");
        }
    }

    /** Kills it (SIGKILL) and waits, for at most 20 s, until it is gone. */
    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
