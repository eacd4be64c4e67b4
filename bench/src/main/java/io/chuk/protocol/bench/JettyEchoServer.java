package io.chuk.protocol.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The hand-written Jetty baselines ({@link BaselineTcpServer}, {@link BaselineWebSocketServer}) in their own process. */
public final class JettyEchoServer {

    private JettyEchoServer() {
    }

    public static void main(String[] args) {
        ChildServer.serve(args, () -> {
            BaselineTcpServer tcp = new BaselineTcpServer();
            BaselineWebSocketServer webSocket;
            try {
                webSocket = new BaselineWebSocketServer();
            } catch (Exception e) {
                tcp.close();
                throw e;
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("tcp", tcp.port());
            ports.put("websocket", webSocket.port());
            return new ChildServer.Running("hand-written Jetty " + org.eclipse.jetty.util.Jetty.VERSION
                    + " line echo (raw connector) and Jakarta echo endpoint (/ws)", ports, () -> {
                        webSocket.close();
                        tcp.close();
                    });
        });
    }
}
