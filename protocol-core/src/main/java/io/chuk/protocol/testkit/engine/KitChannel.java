package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.testkit.TestSessionOptions;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory connection of a test session: writes complete at once and land on the
 * simulated client's screen, whose telnet answers go straight back to the session as input.
 * Flow control is not simulated (the kit's input is small); closing reports to the session as a
 * transport does.
 */
final class KitChannel implements SessionChannel {

    /** Distinct client ports, so log lines tell the kit's sessions apart. */
    private static final AtomicInteger PORTS = new AtomicInteger();

    private final Transport transport;
    private final InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 1024 + PORTS.getAndIncrement() % 64000);
    private final InetSocketAddress local;
    private final SimulatedTelnetClient telnet;
    private final ClientScreen screen;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    // guarded by this
    private ProtocolSession session;
    private boolean closed;

    KitChannel(TestSessionOptions options) {
        this.transport = options.transport();
        this.local = new InetSocketAddress("127.0.0.1", transport.defaultPort());
        this.telnet = transport.speaksTelnet() ? new SimulatedTelnetClient(options) : null;
        this.screen = new ClientScreen(transport == Transport.WEBSOCKET);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public synchronized void attach(ProtocolSession opened) {
        session = opened;
    }

    synchronized ProtocolSession session() {
        return session;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        ProtocolSession target;
        synchronized (this) {
            for (ByteBuffer buffer : buffers) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                wire.writeBytes(bytes);
                if (telnet != null) {
                    telnet.receive(bytes, screen.stream(), answers);
                } else if (transport == Transport.WEBSOCKET) {
                    screen.frame(new String(bytes, StandardCharsets.UTF_8));
                } else {
                    screen.stream().writeBytes(bytes);
                }
            }
            target = closed ? null : session;
        }
        callback.succeeded();
        if (target != null && answers.size() > 0) {
            target.receive(ByteBuffer.wrap(answers.toByteArray()));
        }
    }

    @Override
    public void setInputPaused(boolean paused) {
        // the kit delivers each input at once and waits until it is handled: nothing to hold back
    }

    @Override
    public void close() {
        ProtocolSession target;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            target = session;
        }
        if (target != null) {
            target.transportClosed(null);
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    /** The NAWS report of a resized window; fails when the client has not agreed to send it. */
    synchronized byte[] resize(int width, int height) {
        if (telnet == null || !telnet.nawsAgreed()) {
            throw new IllegalStateException("the client has not agreed to NAWS on " + transport);
        }
        return telnet.resize(width, height);
    }

    synchronized String text() {
        return screen.text();
    }

    synchronized List<String> lines() {
        return screen.lines();
    }

    synchronized byte[] bytes() {
        return wire.toByteArray();
    }
}
