package io.chuk.protocol.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The wait of a callback that awaits a result: until the result is there, the waiting thread
 * delivers the session's queued input itself, one item at a time, so that the session's order and
 * its one-callback-at-a-time rule hold while its code waits. New input wakes it ({@link #wake}).
 * A callback delivered during the wait may await in turn; the outer wait goes on when it returns.
 *
 * <p>Thread-safe: {@link #wake} comes from any thread; the wait runs on the callback's thread.
 */
final class AwaitPump {

    /** How long the wait sleeps between checks when nothing wakes it. */
    static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Runnable flush;
    private final Function<CompletableFuture<?>, Object> next;
    private final Consumer<Object> deliver;
    private final Runnable waitEnded;
    private volatile Thread waiting;

    /**
     * @param flush     writes queued output, so that a prompt leaves before its answer is awaited
     * @param next      the next queued item for a callback waiting on the given result, or
     *                  {@code null} when there is none (the session then counts as parked on it);
     *                  throws {@link io.chuk.protocol.api.SessionClosedException} when the session
     *                  can deliver nothing more
     * @param deliver   hands one item to the handler
     * @param waitEnded told when a wait is over, however it ended
     */
    AwaitPump(Runnable flush, Function<CompletableFuture<?>, Object> next, Consumer<Object> deliver, Runnable waitEnded) {
        this.flush = flush;
        this.next = next;
        this.deliver = deliver;
        this.waitEnded = waitEnded;
    }

    /** Delivers input until {@code result} completes, then returns its value or throws its failure. */
    <T> T await(CompletableFuture<T> result) {
        Thread previous = waiting;
        waiting = Thread.currentThread();
        try {
            while (!result.isDone()) {
                flush.run();
                Object item = next.apply(result);
                if (item == null) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                } else {
                    deliver.accept(item);
                }
            }
        } finally {
            waitEnded.run();
            waiting = previous;
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Input or the end of the session is there: a waiting thread looks again. */
    void wake() {
        Thread thread = waiting;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether the calling thread is waiting here (it is then inside a callback of this session). */
    boolean waitingOnThisThread() {
        return waiting == Thread.currentThread();
    }
}
