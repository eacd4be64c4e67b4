package io.chuk.protocol.bench;

import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.standalone.StandaloneServer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server under test, in its own process: the project's {@link StandaloneServer} from YAML,
 * {@link BenchEchoHandler} on a {@code tcp}, a {@code telnet} and a {@code websocket} entry, and
 * on a second telnet entry that offers MCCP2 ({@code mccp2}, for {@link CompressionBench}).
 * Per-address limits are off (every client comes from 127.0.0.1), the session limit is above any
 * session count the bench opens, and sessions never time out.
 */
public final class OursServer {

    static final String YAML = """
            servers:
              tcp:
                host: 127.0.0.1
                port: 0
                transport: tcp
                handler_class: %1$s
                max_connections: 50000
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                connection_timeout: 0
              telnet:
                host: 127.0.0.1
                port: 0
                transport: telnet
                handler_class: %1$s
                max_connections: 50000
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                connection_timeout: 0
              mccp2:
                host: 127.0.0.1
                port: 0
                transport: telnet
                handler_class: %1$s
                max_connections: 50000
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                connection_timeout: 0
                compression: mccp2
              websocket:
                host: 127.0.0.1
                port: 0
                transport: websocket
                ws_path: /ws
                handler_class: %1$s
                max_connections: 50000
                max_connections_per_ip: 0
                max_connection_rate_per_ip: 0
                connection_timeout: 0
            """.formatted(BenchEchoHandler.class.getName());

    private OursServer() {
    }

    public static void main(String[] args) {
        ChildServer.serve(args, () -> {
            StandaloneServer server = new StandaloneServer(new ConfigLoader().parse(YAML, "bench.yaml"));
            server.start();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String entry : new String[] {"tcp", "telnet", "mccp2", "websocket"}) {
                ports.put(entry, server.localPort(entry));
            }
            return new ChildServer.Running("StandaloneServer, BenchEchoHandler on tcp, telnet, mccp2 (telnet, compression: mccp2) and websocket (/ws)",
                    ports, server);
        });
    }
}
