package io.chuk.protocol.tcp;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the pool that runs the raw connectors' reads (Jetty's selector and pool threads).
 * Each carries its read buffer ({@link ReadBuffers}) in a field of its own. A thread-local lookup
 * per read cost several percent of the server's time at a thousand connections: the connections'
 * state pushes the thread-local table out of the cache between reads, and the lookup probes it.
 * Reads on threads of other pools fall back to a thread-local.
 */
public final class ReadingThreads {

    private ReadingThreads() {
    }

    /** Threads named {@code prefix-<thread id>}, as Jetty's pool names its own. */
    public static ThreadFactory named(String prefix) {
        return runnable -> {
            Thread thread = new ReadingThread(runnable);
            thread.setName(prefix + "-" + thread.getId());
            return thread;
        };
    }

    /** A pool thread with a slot for its read buffer, made at its first read. */
    static final class ReadingThread extends Thread {
        ReadBuffers.ThreadBuffer readBuffer;

        ReadingThread(Runnable task) {
            super(task);
        }
    }
}
