package io.chuk.protocol.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a session runs when it ends, in the order it was asked for. The list is made at the first
 * task, since most sessions have none. Thread-safe: tasks come from any thread; one added after
 * {@link #runAll} has begun is not run.
 */
final class CloseTasks {

    private volatile List<Runnable> tasks;

    void add(Runnable task) {
        List<Runnable> list = tasks;
        if (list == null) {
            synchronized (this) {
                list = tasks;
                if (list == null) {
                    tasks = list = new CopyOnWriteArrayList<>();
                }
            }
        }
        list.add(task);
    }

    /** Hands every task to {@code runner} (the session's handler, which isolates failures). */
    void runAll(Consumer<Runnable> runner) {
        List<Runnable> list = tasks;
        if (list != null) {
            list.forEach(runner);
        }
    }
}
