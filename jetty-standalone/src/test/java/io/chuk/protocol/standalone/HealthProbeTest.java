package io.chuk.protocol.standalone;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HealthProbeTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/draining", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void okOnlyOnHttp200() {
        assertEquals(0, HealthProbe.probe(url("/ready")));
        assertEquals(1, HealthProbe.probe(url("/draining")));
        assertEquals(1, HealthProbe.probe(url("/absent")));
    }

    @Test
    void failsWhenNothingListensOrNoUrlIsGiven() {
        int port = server.getAddress().getPort();
        server.stop(0);
        assertEquals(1, HealthProbe.probe("http://127.0.0.1:" + port + "/ready"));
        assertEquals(1, HealthProbe.probe(null));
        assertEquals(1, HealthProbe.probe("not a url"));
    }
}
