package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.ClientTools;
import io.chuk.protocol.testsupport.LoopbackPorts;
import io.chuk.protocol.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HAProxy in front of two cluster nodes' tcp chat entries, as the README shows it: the PROXY
 * header (v2) on every connection and a health check of each node's {@code /health/ready}. Two
 * users land on different nodes, each node sees its user's own address, and they chat as one room.
 */
class ClusterHaproxyIT {

    @TempDir
    Path dir;

    @Test
    void twoNodesBehindHaproxyServeOneChat() throws Exception {
        ClientTools.ensureInstalled(); // haproxy
        try (RedisServer redis = new RedisServer();
             ClusterNodeProcess a = ClusterNodeProcess.start(dir, "a", ClusterNodeProcess.clusterSection(redis, "a", 1, 3), true);
             ClusterNodeProcess b = ClusterNodeProcess.start(dir, "b", ClusterNodeProcess.clusterSection(redis, "b", 1, 3), true)) {
            a.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"UP\"}");
            b.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"UP\"}");
            int front = LoopbackPorts.freeBelow32768();
            Path stats = dir.resolve("haproxy.sock");
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, """
                    global
                        maxconn 64
                        stats socket %s
                    defaults
                        mode tcp
                        timeout connect 5s
                        timeout client 60s
                        timeout server 60s
                    frontend chat_tcp
                        bind 127.0.0.1:%d
                        default_backend chat_nodes
                    backend chat_nodes
                        balance roundrobin
                        option httpchk GET /health/ready
                        default-server inter 200ms fall 2 rise 1
                        server a 127.0.0.1:%d send-proxy-v2 check port %d
                        server b 127.0.0.1:%d send-proxy-v2 check port %d
                    """.formatted(stats, front, a.chatPort, a.healthPort, b.chatPort, b.healthPort));
            String haproxy = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
            Process proxy = new ProcessBuilder(haproxy, "-db", "-f", config.toString()).redirectErrorStream(true).start();
            try {
                LoopbackPorts.awaitListening(front, proxy, "haproxy");
                String[] state = {""};
                Await.until(() -> {
                    state[0] = serverChecks(stats);
                    return state[0].contains("a UP L7OK 200") && state[0].contains("b UP L7OK 200");
                }, () -> "both nodes pass HAProxy's /health/ready check: " + state[0]);

                try (ChatUser erin = ChatUser.login(front, "erin"); ChatUser fred = ChatUser.login(front, "fred")) {
                    String fromErin = "opened: tcp from /127.0.0.1:" + erin.client.localPort() + " ";
                    String fromFred = "opened: tcp from /127.0.0.1:" + fred.client.localPort() + " ";
                    String[] logs = {"", ""};
                    Await.until(() -> {
                        logs[0] = output(a);
                        logs[1] = output(b);
                        return (logs[0].contains(fromErin) && logs[1].contains(fromFred))
                                || (logs[0].contains(fromFred) && logs[1].contains(fromErin));
                    }, () -> "one user per node, each seen from its own address (PROXY v2)");
                    erin.whoUntil(nicks -> nicks.equals(Set.of("erin", "fred")), Duration.ofSeconds(15), "fred on the other node");
                    fred.say("hi through haproxy");
                    erin.await("<fred> hi through haproxy");
                }
            } finally {
                proxy.destroy();
                proxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String output(ClusterNodeProcess node) {
        try {
            return node.process.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** "NAME STATUS CHECK_STATUS CHECK_CODE" of each backend server, from HAProxy's stats socket. */
    private static String serverChecks(Path socket) {
        if (!Files.exists(socket)) {
            return "no stats socket yet";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            String csv = new String(readAll(channel), StandardCharsets.US_ASCII);
            List<String> lines = csv.lines().toList();
            if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
                return "unexpected stats: " + csv;
            }
            List<String> header = List.of(lines.get(0).substring(2).split(","));
            int name = header.indexOf("svname");
            int status = header.indexOf("status");
            int check = header.indexOf("check_status");
            int code = header.indexOf("check_code");
            StringBuilder out = new StringBuilder();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length > code && cells[0].equals("chat_nodes") && !cells[name].equals("BACKEND")) {
                    out.append(cells[name]).append(' ').append(cells[status]).append(' ').append(cells[check])
                            .append(' ').append(cells[code]).append("; ");
                }
            }
            return out.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static byte[] readAll(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        while (channel.read(buffer) >= 0 && buffer.hasRemaining()) {
            // HAProxy closes the socket after answering
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }
}
