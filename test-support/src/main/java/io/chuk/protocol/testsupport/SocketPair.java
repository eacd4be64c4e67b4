package io.chuk.protocol.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A connected pair of loopback sockets, for tests of code that works on one end of a real
 * connection: a non-blocking {@link SocketChannel}, as a server's end point holds it, and a plain
 * blocking {@link Socket} as its peer (reads time out after 10 s).
 */
public final class SocketPair implements AutoCloseable {

    private final ServerSocket listener;
    private final SocketChannel channel;
    private final Socket peer;
    private final Selector readable;

    public SocketPair() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
        channel.configureBlocking(false);
        peer = listener.accept();
        peer.setSoTimeout(10_000);
        readable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
    }

    /**
     * Sends ASCII text from the peer and returns once the non-blocking end can read it, so that a
     * read there finds it (waits 10 s at most).
     */
    public void sendFromPeer(String text) throws IOException {
        peer.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        peer.getOutputStream().flush();
        readable.selectedKeys().clear();
        if (readable.select(10_000) == 0) {
            throw new IOException("'" + text + "' did not arrive within 10 s");
        }
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
        try (listener; readable; channel; peer) {
            // closes all three, the peer first
        }
    }
}
