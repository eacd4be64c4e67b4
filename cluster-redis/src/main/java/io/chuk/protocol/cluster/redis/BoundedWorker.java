package io.chuk.protocol.cluster.redis;

import org.slf4j.Logger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One daemon thread with a bounded queue: the cluster's Redis work runs here, never on a handler
 * or network thread. A task that finds the queue full is dropped and counted, with at most one
 * warning a minute; the next heartbeat republishes the state anyway.
 */
final class BoundedWorker {

    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String name;
    private final Logger log;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    BoundedWorker(String name, int capacity, Logger log) {
        this.name = name;
        this.log = log;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return false when the task was dropped (the queue is full, or the worker stopped) */
    boolean execute(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.debug("Cluster task on {} failed", name, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            long count = dropped.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS && !executor.isShutdown()) {
                lastWarning = now;
                log.warn("Cluster queue {} is full: {} task(s) dropped so far", name, count);
            }
            return false;
        }
    }

    /** Tasks dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Forgets what waits (it was meant for a store that is gone). */
    void clear() {
        executor.getQueue().clear();
    }

    void shutdown(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
