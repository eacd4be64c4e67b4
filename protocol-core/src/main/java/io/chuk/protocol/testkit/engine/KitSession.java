package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.testkit.TestSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A {@link TestSession}: input goes to the real session, then the host waits until all is quiet. */
final class KitSession implements TestSession {

    private final KitHost host;
    private final KitChannel channel;
    private final ProtocolSession session;
    /** The handler's view of its session, or {@code null} when the handler could not be created. */
    private volatile Session handlerView;
    private final Runnable afterClose;
    private int taken;

    KitSession(KitHost host, KitChannel channel, Runnable afterClose) {
        this.host = host;
        this.channel = channel;
        this.session = channel.session();
        this.afterClose = afterClose;
    }

    /** The session has started; {@code view} is what its handler sees of it. */
    void started(Session view) {
        handlerView = view;
    }

    ProtocolSession engineSession() {
        return session;
    }

    KitChannel channel() {
        return channel;
    }

    @Override
    public Session session() {
        Session view = handlerView;
        if (view == null) {
            throw new IllegalStateException("the handler could not be created; the session showed: " + text());
        }
        return view;
    }

    @Override
    public void sendLine(String line) {
        switch (session.transport()) {
            case WEBSOCKET -> sendFrame(line);
            case TCP -> sendBytes(utf8(line + "\n"));
            default -> sendBytes(utf8(line + "\r\n"));
        }
    }

    @Override
    public void type(String text) {
        if (session.transport() == Transport.WEBSOCKET) {
            throw new IllegalStateException("websocket carries whole messages: use sendLine or sendFrame");
        }
        sendBytes(utf8(text));
    }

    @Override
    public void sendBytes(byte[] bytes) {
        open();
        session.receive(ByteBuffer.wrap(bytes.clone()));
        host.awaitQuiet("sendBytes");
    }

    @Override
    public void sendFrame(String text) {
        if (session.transport() != Transport.WEBSOCKET) {
            throw new IllegalStateException("text frames are a websocket thing; this session is " + session.transport());
        }
        open();
        session.receiveMessage(text);
        host.awaitQuiet("sendFrame");
    }

    @Override
    public void resize(int width, int height) {
        open();
        session.receive(ByteBuffer.wrap(channel.resize(width, height)));
        host.awaitQuiet("resize");
    }

    @Override
    public void endInput() {
        open();
        session.inputEnded();
        host.awaitQuiet("endInput");
    }

    @Override
    public List<String> lines() {
        return channel.lines();
    }

    @Override
    public synchronized List<String> takeLines() {
        List<String> all = channel.lines();
        List<String> fresh = List.copyOf(all.subList(Math.min(taken, all.size()), all.size()));
        taken = all.size();
        return fresh;
    }

    @Override
    public String text() {
        return channel.text();
    }

    @Override
    public byte[] bytes() {
        return channel.bytes();
    }

    @Override
    public boolean isClosed() {
        return channel.closed();
    }

    @Override
    public void elapse(Duration time) {
        host.elapse(time);
    }

    @Override
    public void close() {
        channel.close();
        host.awaitQuiet("close");
        host.closed(this);
        afterClose.run();
    }

    private void open() {
        if (channel.closed()) {
            throw new IllegalStateException("the session has ended; it takes no more input");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** For failure messages: the engine's view of the session and the end of what it showed. */
    String describe() {
        String text = channel.text();
        String tail = text.length() > 300 ? "..." + text.substring(text.length() - 300) : text;
        return session + " showed: \"" + tail.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
