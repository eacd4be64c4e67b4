package io.chuk.protocol.standalone;

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
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port below 32768 that is free now (the ephemeral range starts there, so it stays free). */
    static int freeBelow32768() {
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

    /** Waits until {@code program} accepts connections on {@code port}; fails if it exits first. */
    static void awaitListening(int port, Process program, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
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
        throw new AssertionError(name + " did not listen on " + port);
    }
}
