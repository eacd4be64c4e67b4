package io.chuk.protocol.testkit.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Where the kit's handler callbacks run (a thread each, so a callback may block in
 * {@code await}), counting what runs. A session runs at most one task here at a time (its serial
 * executor's), so the sessions are quiet when every running task belongs to a session parked in
 * {@code await} with no input, and nothing started or ended while that was checked.
 */
final class QuietPool implements Executor {

    private final ExecutorService threads;
    private final Object monitor = new Object();
    private int running;
    private long changes;

    QuietPool() {
        AtomicInteger counter = new AtomicInteger();
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chuk-testkit-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable task) {
        changed(1);
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    changed(-1);
                }
            });
        } catch (RejectedExecutionException e) {
            changed(-1);
            throw e;
        }
    }

    private void changed(int delta) {
        synchronized (monitor) {
            running += delta;
            changes++;
            monitor.notifyAll();
        }
    }

    /** Whether the running tasks are exactly the {@code parked} ones, with nothing changing meanwhile. */
    boolean quiet(IntSupplier parked) {
        long before;
        int tasks;
        synchronized (monitor) {
            before = changes;
            tasks = running;
        }
        int waiting = tasks == 0 ? 0 : parked.getAsInt();
        synchronized (monitor) {
            return changes == before && tasks == waiting;
        }
    }

    /**
     * Waits until a task starts or ends, or {@code millis} pass: a parked session becomes busy
     * again without either, so the caller checks again at least that often.
     */
    void awaitChange(long millis) throws InterruptedException {
        synchronized (monitor) {
            long seen = changes;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long left;
            while (changes == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
