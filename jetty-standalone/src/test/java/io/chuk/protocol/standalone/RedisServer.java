package io.chuk.protocol.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code redis-server} on a loopback port, without persistence: started, stopped and
 * started again on the same port. Installed by the project's script when missing; a test that
 * needs it fails rather than skips when it cannot be had.
 */
final class RedisServer implements AutoCloseable {

    private final int port = LoopbackPorts.freeBelow32768();
    private final String binary;
    private Process process;

    RedisServer() throws Exception {
        ClientTools.ensureInstalled();
        binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        start();
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws Exception {
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                .redirectErrorStream(true).start();
        LoopbackPorts.awaitListening(port, process, "redis-server");
    }

    /** Stops it (SIGTERM) and waits until it is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("redis-server did not stop on SIGTERM");
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
