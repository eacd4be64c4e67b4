package io.chuk.protocol.war;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code redis-server} on a given loopback port (below 32768), without persistence; installed
 * by the project's script ({@code client.tools.script}) when missing, so a test that needs it fails
 * rather than skips when it cannot be had.
 */
final class RedisProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final Duration START = Duration.ofSeconds(15);
    private static final Duration INSTALL = Duration.ofMinutes(10);

    private final int port;
    private final Process process;

    RedisProcess(int port) throws Exception {
        this.port = port;
        ensureInstalled();
        process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                .redirectErrorStream(true).start();
        awaitListening();
    }

    static String uri(int port) {
        return "redis://127.0.0.1:" + port;
    }

    private static void ensureInstalled() throws Exception {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        Process install = new ProcessBuilder("bash", System.getProperty("client.tools.script"))
                .redirectErrorStream(true).start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!install.waitFor(INSTALL.toMinutes(), TimeUnit.MINUTES) || install.exitValue() != 0
                || !Files.isExecutable(BINARY)) {
            throw new AssertionError("cannot install redis-server:\n" + log);
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("redis-server exited: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS); // bounded wait for it to bind
            }
        }
        throw new AssertionError("redis-server did not listen on " + port + " within " + START);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
