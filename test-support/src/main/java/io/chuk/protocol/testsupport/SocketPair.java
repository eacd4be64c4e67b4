package io.chuk.protocol.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * A connected pair of loopback sockets, for tests of code that works on one end of a real
 * connection: a non-blocking {@link SocketChannel}, as a server's end point holds it, and a plain
 * blocking {@link Socket} as its peer (reads time out after 10 s).
 */
public final class SocketPair implements AutoCloseable {

    private final ServerSocket listener;
    private final SocketChannel channel;
    private final Socket peer;

    public SocketPair() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
        channel.configureBlocking(false);
        peer = listener.accept();
        peer.setSoTimeout(10_000);
    }

    /** The non-blocking end. */
    public SocketChannel channel() {
        return channel;
    }

    /** The blocking peer. */
    public Socket peer() {
        return peer;
    }

    @Override
    public void close() throws IOException {
        try (listener; channel; peer) {
            // closes all three, the peer first
        }
    }
}
