package io.chuk.protocol.bench;

import java.util.Map;

/** The WebSocket ceiling of Jetty's core ({@link BaselineCoreWebSocketServer}) in its own process. */
public final class JettyCoreEchoServer {

    private JettyCoreEchoServer() {
    }

    public static void main(String[] args) {
        ChildServer.serve(args, () -> {
            BaselineCoreWebSocketServer webSocket = new BaselineCoreWebSocketServer();
            return new ChildServer.Running("hand-written Jetty " + org.eclipse.jetty.util.Jetty.VERSION
                    + " WebSocket core echo (/ws; core frame handler, reads on the selector)",
                    Map.of("websocket", webSocket.port()), webSocket::close);
        });
    }
}
