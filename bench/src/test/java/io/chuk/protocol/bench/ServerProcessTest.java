package io.chuk.protocol.bench;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server in its own JVM: started, found by its ports, measured in /proc, and gone after close. */
class ServerProcessTest {

    @Test
    void nettyRunsInItsOwnProcessAndStopsWhenClosed() throws Exception {
        ServerProcess server = ServerProcess.launch("netty", NettyEchoServer.class, List.of("-Xmx64m"), false);
        ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();
        try {
            server.awaitStarted();
            assertTrue(server.description().startsWith("Netty 4.1."), server.description());
            assertTrue(server.has("tcp") && server.has("websocket"));
            long rss = ProcFs.rssBytes(server.pid());
            assertTrue(rss > 10_000_000 && rss < 2_000_000_000L, "RSS " + rss);
            assertTrue(ProcFs.threads(server.pid()) >= 2);
            long cpuBefore = ProcFs.cpuNanos(server.pid());
            try (SocketLoad load = SocketLoad.start(new InetSocketAddress("127.0.0.1", server.port("tcp")), 4,
                    () -> new LineWire(new byte[] {'\n'}), 1, true)) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (load.completed() < 200 && load.failure() == null && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertNull(load.failure());
                assertTrue(load.completed() >= 200, "answers: " + load.completed());
            }
            assertTrue(ProcFs.cpuNanos(server.pid()) >= cpuBefore);
            assertTrue(ProcFs.contextSwitches(server.pid()) > 0);
        } finally {
            server.close();
        }
        assertFalse(handle.isAlive(), "the child stops once its stdin closes");
    }
}
