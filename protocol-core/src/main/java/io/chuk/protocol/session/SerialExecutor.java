package io.chuk.protocol.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order: a session's callbacks never overlap, yet an
 * idle session holds no thread. Tasks run on a shared pool, or, for handlers that never block,
 * right on the submitting thread whenever the session is not busy (no hand-off at all).
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    private final Executor pool;
    private final boolean inline;
    private final Object lock;
    /** Made when a task first has to wait: inline sessions that are never busy never need it. */
    private ArrayDeque<Runnable> tasks;
    private boolean running;

    /**
     * @param pool   where tasks run
     * @param inline run tasks on the submitting thread when idle, instead of on {@code pool}
     * @param lock   guards the queue: the session's own lock, already in the cache of the thread
     *               that hands a task on, so the hand-off costs no other object's lock
     */
    SerialExecutor(Executor pool, boolean inline, Object lock) {
        this.pool = pool;
        this.inline = inline;
        this.lock = lock;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (running) {
                queue(task);
                return;
            }
            running = true;
            if (!inline) {
                queue(task);
            }
        }
        if (inline) {
            // Idle and inline (the common case): run it now, without passing through the queue.
            runSafely(task);
            drain();
            return;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) { // the host is shutting down
            synchronized (lock) {
                tasks.clear(); // queued just above
                running = false;
            }
            LOG.debug("Session task refused: {}", e.toString());
        }
    }

    /**
     * Under the lock: takes the slot of an idle inline executor for the calling thread, which then
     * runs its work at once, with no task object made for it, and gives the slot back with
     * {@link #releaseClaimed}. False when tasks run on the pool or one is running.
     */
    boolean claimIdleInline() {
        if (!inline || running) {
            return false;
        }
        running = true;
        return true;
    }

    /**
     * Under the lock: gives back a slot taken with {@link #claimIdleInline}. Returns true when
     * tasks were queued meanwhile: the slot then stays taken, and the caller runs them with
     * {@link #runQueued}, outside the lock.
     */
    boolean releaseClaimed() {
        if (tasks != null && !tasks.isEmpty()) {
            return true;
        }
        running = false;
        return false;
    }

    /** Runs the tasks queued behind a claimed slot, then frees it. */
    void runQueued() {
        drain();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = tasks == null ? null : tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            runSafely(next);
        }
    }

    /** Under the lock. */
    private void queue(Runnable task) {
        if (tasks == null) {
            tasks = new ArrayDeque<>(1);
        }
        tasks.add(task);
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("Session task failed", e);
        }
    }
}
