package io.chuk.protocol.session;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A hand-written {@link SessionChannel}: records every buffer written, every
 * {@link #setInputPaused} call and every close; completes writes inline, later on another
 * thread, or never. Like a real transport, {@link #close()} reports
 * {@link ProtocolSession#transportClosed} to the bound session.
 */
final class FakeSessionChannel implements SessionChannel {

    enum Completion { INLINE, ASYNC, NEVER }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Object monitor = new Object();
    private final InetSocketAddress remote;
    private final Completion completion;
    private final ExecutorService completer;

    // guarded by monitor
    private final List<String> buffers = new ArrayList<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<Boolean> pauses = new ArrayList<>();
    private final List<WriteCallback> neverCompleted = new ArrayList<>();
    private int closeCount;
    private boolean closeDone;
    private String outputAtClose;
    private byte[] bytesAtClose;
    private int inFlight;
    private int maxInFlight;
    private ProtocolSession session;
    private boolean closeUnreported;
    private String hookTrigger;
    private Runnable hook;

    private static int nextPort = 40000;

    FakeSessionChannel(Completion completion) {
        this.completion = completion;
        this.completer = completion == Completion.ASYNC ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-write-completer");
            t.setDaemon(true);
            return t;
        }) : null;
        synchronized (FakeSessionChannel.class) {
            this.remote = new InetSocketAddress("127.0.0.1", nextPort++);
        }
    }

    @Override
    public void attach(ProtocolSession opened) {
        bind(opened);
    }

    /** Binds the session that {@link #close()} reports to (the session a factory opened on this channel). */
    ProtocolSession bind(ProtocolSession opened) {
        boolean report;
        synchronized (monitor) {
            session = opened;
            report = closeUnreported;
            closeUnreported = false;
        }
        if (report && opened != null) {
            opened.transportClosed(null);
            markCloseDone();
        }
        return opened;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /**
     * Runs {@code action} once, on the writing thread, when a written buffer contains
     * {@code trigger} (before the write completes): a way to make something happen at an exact
     * moment of the session's output.
     */
    void onWriteOf(String trigger, Runnable action) {
        synchronized (monitor) {
            hookTrigger = trigger;
            hook = action;
        }
    }

    @Override
    public void write(ByteBuffer[] batch, WriteCallback callback) {
        Runnable fire = null;
        synchronized (monitor) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            for (ByteBuffer buffer : batch) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                buffers.add(text);
                output.writeBytes(bytes);
                if (hook != null && text.contains(hookTrigger)) {
                    fire = hook;
                    hook = null;
                }
            }
            monitor.notifyAll();
        }
        if (fire != null) {
            fire.run();
        }
        switch (completion) {
            case INLINE -> complete(callback);
            case ASYNC -> completer.execute(() -> complete(callback));
            case NEVER -> {
                synchronized (monitor) {
                    neverCompleted.add(callback);
                }
            }
        }
    }

    private void complete(WriteCallback callback) {
        synchronized (monitor) {
            inFlight--;
        }
        callback.succeeded();
    }

    @Override
    public void setInputPaused(boolean paused) {
        synchronized (monitor) {
            pauses.add(paused);
            monitor.notifyAll();
        }
    }

    @Override
    public void close() {
        ProtocolSession report;
        synchronized (monitor) {
            closeCount++;
            if (outputAtClose == null) {
                outputAtClose = output.toString(StandardCharsets.UTF_8);
                bytesAtClose = output.toByteArray();
            }
            monitor.notifyAll();
            report = session;
            if (report == null) {
                closeUnreported = true;
            }
        }
        if (report != null) {
            report.transportClosed(null);
            markCloseDone();
        }
    }

    private void markCloseDone() {
        synchronized (monitor) {
            closeDone = true;
            monitor.notifyAll();
        }
    }

    void shutdown() {
        if (completer != null) {
            completer.shutdownNow();
        }
    }

    // ---- inspection ------------------------------------------------------------------------------

    String output() {
        synchronized (monitor) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** Every byte written so far. */
    byte[] outputBytes() {
        synchronized (monitor) {
            return output.toByteArray();
        }
    }

    /** The bytes written before {@link #close()} was first called, or null. */
    byte[] outputBytesAtClose() {
        synchronized (monitor) {
            return bytesAtClose;
        }
    }

    List<String> buffers() {
        synchronized (monitor) {
            return List.copyOf(buffers);
        }
    }

    List<Boolean> pauses() {
        synchronized (monitor) {
            return List.copyOf(pauses);
        }
    }

    int closeCount() {
        synchronized (monitor) {
            return closeCount;
        }
    }

    /** The output as it was when {@link #close()} was first called, or null. */
    String outputAtClose() {
        synchronized (monitor) {
            return outputAtClose;
        }
    }

    int maxWritesInFlight() {
        synchronized (monitor) {
            return maxInFlight;
        }
    }

    // ---- waiting (monitor wait with a deadline, no sleeping) ---------------------------------------

    /** Waits until {@code condition} (evaluated under the channel's lock) holds; false on timeout. */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }

    boolean awaitOutputContaining(String text) throws InterruptedException {
        return await(() -> output.toString(StandardCharsets.UTF_8).contains(text), WAIT);
    }

    boolean awaitBuffers(int count) throws InterruptedException {
        return await(() -> buffers.size() >= count, WAIT);
    }

    /** Waits until the channel was closed and (like a real transport) has told its session. */
    boolean awaitClosed() throws InterruptedException {
        return await(() -> closeDone, WAIT);
    }

    boolean awaitPauses(List<Boolean> expected) throws InterruptedException {
        return await(() -> pauses.equals(expected), WAIT);
    }
}
