package io.chuk.protocol.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where handler callbacks run. On Java 21 and later each runs on a virtual thread, so a handler
 * that blocks costs no platform thread. On Java 17 each server entry has a pool of at most
 * {@code handler_threads} platform threads; sessions beyond it wait their turn with their input
 * paused once their queue fills, and nothing is lost. Found at run time, so the code compiles
 * for Java 17.
 */
final class CallbackPools {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");
    private static final Method NEW_THREAD_PER_TASK_EXECUTOR = virtualThreadSupport();
    /** How long an idle pool thread is kept. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private CallbackPools() {
    }

    /** Whether callbacks run on virtual threads. */
    static boolean virtualThreads() {
        return NEW_THREAD_PER_TASK_EXECUTOR != null;
    }

    /** The callback executor of one server entry. */
    static ExecutorService create(String entry, int platformThreads) {
        if (NEW_THREAD_PER_TASK_EXECUTOR != null) {
            try {
                ExecutorService executor = (ExecutorService) NEW_THREAD_PER_TASK_EXECUTOR.invoke(null,
                        virtualThreadFactory("chuk-" + entry + "-"));
                LOG.info("Server '{}': handler callbacks run on virtual threads", entry);
                return executor;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("Server '{}': virtual threads unavailable ({}); using a pool of {} threads",
                        entry, e.toString(), platformThreads);
            }
        } else {
            LOG.info("Server '{}': handler callbacks run on at most {} platform threads (Java {}; "
                    + "Java 21+ uses virtual threads)", entry, platformThreads, Runtime.version().feature());
        }
        return platformPool(entry, platformThreads);
    }

    /**
     * At most {@code threads} platform threads; further tasks wait in the queue, which holds at
     * most one task per session (a session's callbacks are serial), so it is bounded too.
     */
    static ExecutorService platformPool(String entry, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads,
                KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads("chuk-" + entry + "-"));
        pool.allowCoreThreadTimeOut(true); // an idle entry holds no thread
        return pool;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ThreadFactory virtualThreadFactory(String prefix) throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        builder = builderType.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
        return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
    }

    private static Method virtualThreadSupport() {
        if (Boolean.getBoolean("chuk.platformThreads")) {
            return null;
        }
        try {
            Thread.class.getMethod("ofVirtual");
            return Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
