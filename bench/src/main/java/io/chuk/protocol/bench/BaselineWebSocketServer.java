package io.chuk.protocol.bench;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;

/**
 * The websocket baseline: a minimal Jakarta {@link Endpoint} on the same Jetty ee10 WebSocket
 * stack our server uses, echoing each text message as {@code "Echo: " + message} from the
 * container's own thread with the async remote. It sends "ready" on open, like the bench handler.
 */
final class BaselineWebSocketServer implements AutoCloseable {

    static final String PATH = "/ws";

    private final Server server;
    private final ServerConnector connector;

    BaselineWebSocketServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("base-ws");
        server = new Server(threads);
        server.setStopAtShutdown(false);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setReuseAddress(true);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
                container.addEndpoint(ServerEndpointConfig.Builder.create(EchoEndpoint.class, PATH).build()));
        server.setHandler(context);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Public with a no-argument constructor: the container instantiates it per connection. */
    public static final class EchoEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxIdleTimeout(0);
            SendHandler onSent = result -> {
                if (!result.isOK()) {
                    closeQuietly(session);
                }
            };
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message ->
                    session.getAsyncRemote().sendText("Echo: " + message, onSent));
            session.getAsyncRemote().sendText("ready", onSent);
        }

        private static void closeQuietly(Session session) {
            try {
                session.close();
            } catch (IOException | IllegalStateException ignored) {
                // already closing
            }
        }
    }
}
