package io.chuk.protocol.standalone;

import io.chuk.protocol.config.ConfigLoader;

import java.time.Duration;

/** A StandaloneServer started in-process from YAML text, for tests. */
final class RunningServer implements AutoCloseable {
    final StandaloneServer server;

    RunningServer(String yaml) throws Exception {
        server = new StandaloneServer(new ConfigLoader().parse(yaml, "test.yaml"));
        server.start();
    }

    int port(String name) {
        return server.localPort(name);
    }

    String ws(String name, String path) {
        return "ws://127.0.0.1:" + port(name) + path;
    }

    /** Waits (at most 10 s) until exactly {@code expected} sessions are live, across all entries. */
    void awaitSessions(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.sessionHost().registry().size() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sessions: " + server.sessionHost().registry().size());
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
