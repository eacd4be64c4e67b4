package io.chuk.protocol.standalone;

import io.chuk.protocol.tcp.RetryingServerConnector;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** The HTTP connector of a WebSocket entry, whose sessions' reads can run on its selector threads. */
final class WebSocketServerConnector extends RetryingServerConnector {

    WebSocketServerConnector(Server server, ConnectionFactory... factories) {
        super(server, factories);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SelectorReadEndPoint endPoint = new SelectorReadEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }
}
