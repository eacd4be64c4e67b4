package io.chuk.protocol.tcp;

import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a connector's end-point teardowns (Jetty's {@code DestroyEndPoint}: the connection's
 * {@code onClose} and the connector's bookkeeping) on at most {@code workers} pool threads at a
 * time, one teardown after another on each.
 *
 * <p>Jetty hands every teardown to the pool as its own job, and its pool starts a thread for each
 * job that finds no idle thread. A burst of closes (a client farm dropping, a network blip, the
 * end of a load test) then grows the pool to its maximum, and the pool gives back at most one idle
 * thread per idle timeout, so the threads stay for hours. A teardown is short and does not block
 * (a session's handler runs its disconnect callback on its own executor), so queueing them costs
 * little: a few microseconds each. They still run on a pool thread, as Jetty runs them, never
 * inline on the thread that closed the end point, which may be in the middle of a read or hold a
 * lock of its own.
 */
final class TeardownQueue {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");

    private final Executor pool;
    private final int workers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    TeardownQueue(Executor pool, int workers) {
        this.pool = pool;
        this.workers = workers;
    }

    /**
     * Queues a teardown, and asks the pool for a worker if fewer than {@code workers} are at it.
     * If the pool refuses (the server is stopping) and no worker is left to take the queue, the
     * queued teardowns are closed instead of run, as Jetty closes a teardown its pool refuses.
     */
    void execute(Runnable task) {
        tasks.add(task);
        if (!claimWorker()) {
            return; // the running workers take it
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (running.decrementAndGet() == 0) {
                LOG.debug("Pool refused a teardown worker ({}); closing what is queued", e.toString());
                Runnable left;
                while ((left = tasks.poll()) != null) {
                    if (left instanceof Closeable closeable) {
                        IO.close(closeable);
                    }
                }
            }
        }
    }

    private boolean claimWorker() {
        while (true) {
            int now = running.get();
            if (now >= workers) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void drain() {
        do {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.warn("Tearing down a connection failed", e);
                }
            }
            running.decrementAndGet();
            // A task queued after the last poll, by a caller that found this worker still counted,
            // would wait for the next teardown: look again, and go on if it is there.
        } while (!tasks.isEmpty() && claimWorker());
    }
}
