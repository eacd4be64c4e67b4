package io.chuk.protocol.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A hand-written {@link ViewerConnection}: records every text sent and every close; completes
 * sends at once, or holds them until the test completes them (a viewer that does not read).
 */
final class FakeViewerConnection implements ViewerConnection {

    private final Object lock = new Object();
    private final CountDownLatch closeMayReturn;
    private volatile boolean tokenPresented;

    // guarded by lock
    private boolean completeAtOnce;
    private final List<String> texts = new ArrayList<>();
    private final List<Sent> pending = new ArrayList<>();
    private final List<Integer> stackDepths = new ArrayList<>();
    private final List<String> closingThreads = new ArrayList<>();

    /** @param completeAtOnce whether sends complete before {@code sendText} returns */
    FakeViewerConnection(boolean completeAtOnce) {
        this(completeAtOnce, new CountDownLatch(0));
    }

    /** @param closeMayReturn what {@link #closeTooSlow()} waits for, as a container's blocking close would */
    FakeViewerConnection(boolean completeAtOnce, CountDownLatch closeMayReturn) {
        this.completeAtOnce = completeAtOnce;
        this.closeMayReturn = closeMayReturn;
    }

    @Override
    public void sendText(String text, Sent sent) {
        boolean now;
        synchronized (lock) {
            texts.add(text);
            stackDepths.add(Thread.currentThread().getStackTrace().length);
            now = completeAtOnce;
            if (!now) {
                pending.add(sent);
            }
        }
        if (now) {
            sent.done(true);
        }
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.9:4000";
    }

    @Override
    public boolean tokenPresented() {
        return tokenPresented;
    }

    /** The viewer counts as having presented the monitor token. */
    FakeViewerConnection withToken() {
        tokenPresented = true;
        return this;
    }

    @Override
    public void closeTooSlow() {
        synchronized (lock) {
            closingThreads.add(Thread.currentThread().getName());
        }
        try {
            closeMayReturn.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void completeAtOnceFromNowOn() {
        synchronized (lock) {
            completeAtOnce = true;
        }
    }

    /** Completes the oldest held send. */
    void completeOldest(boolean written) {
        Sent sent;
        synchronized (lock) {
            sent = pending.remove(0);
        }
        sent.done(written);
    }

    List<String> texts() {
        synchronized (lock) {
            return List.copyOf(texts);
        }
    }

    List<Integer> stackDepths() {
        synchronized (lock) {
            return List.copyOf(stackDepths);
        }
    }

    List<String> closingThreads() {
        synchronized (lock) {
            return List.copyOf(closingThreads);
        }
    }

    /** Polls {@code condition} until it holds or 5 s have passed; returns its last value. */
    static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }
}
