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

    /** {@code handler} on each of {@code transports}, on port 0, each entry named after its transport. */
    static RunningServer onTransports(Class<?> handler, String... transports) throws Exception {
        StringBuilder yaml = new StringBuilder("servers:\n");
        for (String transport : transports) {
            yaml.append("  ").append(transport).append(":\n")
                    .append("    port: 0\n")
                    .append("    transport: ").append(transport).append('\n')
                    .append("    handler_class: ").append(handler.getName()).append('\n');
        }
        return new RunningServer(yaml.toString());
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
