package io.chuk.protocol.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Fixed loopback ports for programs that cannot report a port of their own choosing (HAProxy, Redis). */
public final class LoopbackPorts {

    private static final Duration LISTEN = Duration.ofSeconds(15);

    private LoopbackPorts() {
    }

    /** A port below 32768 that is free now (the ephemeral range starts there, so it stays free). */
    public static int freeBelow32768() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port below 32768");
    }

    /**
     * Waits, for at most 15 s, until {@code program} accepts connections on 127.0.0.1:{@code port};
     * fails with its output if it exits first.
     */
    public static void awaitListening(int port, Process program, String name) throws Exception {
        long deadline = System.nanoTime() + LISTEN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!program.isAlive()) {
                throw new AssertionError(name + " exited: "
                        + new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                program.waitFor(50, TimeUnit.MILLISECONDS); // bounded wait for it to bind
            }
        }
        throw new AssertionError(name + " did not listen on " + port + " within " + LISTEN);
    }
}
