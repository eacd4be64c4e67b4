package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LauncherProcess;
import io.chuk.protocol.testsupport.RedisServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One node of a test cluster: the launcher jar in its own JVM, running the chat sample on tcp
 * (optionally behind the PROXY protocol) and on a WebSocket entry whose port serves health and
 * the session monitor (with {@link #MONITOR_TOKEN}).
 */
final class ClusterNodeProcess implements AutoCloseable {

    static final String CHAT = "io.chuk.protocol.samples.chat.ChatHandler";
    static final String MONITOR_TOKEN = "s3cret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final LauncherProcess process;
    final int chatPort;
    final int healthPort;

    private ClusterNodeProcess(String name, LauncherProcess process) throws InterruptedException {
        this.name = name;
        this.process = process;
        this.chatPort = process.awaitPort("chat");
        this.healthPort = process.awaitPort("ws");
    }

    /** Starts a node; {@code cluster} is the body of its {@code cluster:} section (indented by two). */
    static ClusterNodeProcess start(Path dir, String name, String cluster, boolean proxyProtocol) throws Exception {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, """
                cluster:
                %s
                servers:
                  chat:
                    transport: tcp
                    port: 0
                    proxy_protocol: %s
                    handler_class: %s
                  ws:
                    transport: websocket
                    port: 0
                    enable_health: true
                    enable_monitoring: true
                    monitor_token: %s
                    handler_class: %s
                """.formatted(cluster.indent(2).stripTrailing(), proxyProtocol, CHAT, MONITOR_TOKEN, CHAT));
        return new ClusterNodeProcess(name, new LauncherProcess("--config", config.toString()));
    }

    /** The cluster section of node {@code name} on {@code redis}, with short heartbeats for tests. */
    static String clusterSection(RedisServer redis, String name, double heartbeat, double timeout) {
        return "redis_uri: " + redis.uri() + "\nnode_name: " + name + "\nheartbeat_interval: " + heartbeat
                + "\nnode_timeout: " + timeout + "\n";
    }

    /** Where this node's session monitor is, with the token. */
    String monitorUri() {
        return "ws://127.0.0.1:" + healthPort + "/monitor?token=" + MONITOR_TOKEN;
    }

    /** The body of {@code GET /health} (status and body). */
    String health(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + healthPort + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    /** Waits until the health answer is {@code expected}. */
    void awaitHealth(String expected) {
        String[] last = {""};
        Await.until(() -> {
            try {
                last[0] = health("/health");
            } catch (IOException e) {
                last[0] = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            return last[0].equals(expected);
        }, () -> name + "'s /health is '" + expected + "', last '" + last[0] + "'");
    }

    @Override
    public void close() {
        process.close();
    }
}
