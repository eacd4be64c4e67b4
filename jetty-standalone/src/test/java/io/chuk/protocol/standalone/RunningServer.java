package io.chuk.protocol.standalone;

import io.chuk.protocol.config.ConfigLoader;

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

    @Override
    public void close() {
        server.close();
    }
}
