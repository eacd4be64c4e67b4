package io.chuk.protocol.tcp;

import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeardownQueueTest {

    @Test
    void everyTeardownRunsOnceOnNoMoreWorkersThanAllowed() throws Exception {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        ExecutorService closers = Executors.newFixedThreadPool(4);
        try {
            TeardownQueue queue = new TeardownQueue(pool, 2);
            int teardowns = 20_000;
            CountDownLatch done = new CountDownLatch(teardowns);
            Runnable teardown = () -> {
                mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                ran.incrementAndGet();
                concurrent.decrementAndGet();
                done.countDown();
            };
            for (int i = 0; i < teardowns; i++) {
                closers.execute(() -> queue.execute(teardown));
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), "teardowns left: " + done.getCount());
            assertEquals(teardowns, ran.get());
            assertTrue(mostConcurrent.get() <= 2, "at most two at once, saw " + mostConcurrent.get());
        } finally {
            closers.shutdownNow();
            pool.shutdownNow();
        }
    }

    @Test
    void aTeardownThrowingDoesNotStopTheOthers() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TeardownQueue queue = new TeardownQueue(pool, 1);
            CountDownLatch after = new CountDownLatch(1);
            queue.execute(() -> {
                throw new IllegalStateException("a connection's onClose failed");
            });
            queue.execute(after::countDown);
            assertTrue(after.await(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusingPoolGetsTheQueuedTeardownsClosedNotLost() {
        TeardownQueue queue = new TeardownQueue(job -> {
            throw new RejectedExecutionException("stopping");
        }, 1);
        AtomicInteger closed = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        class Teardown implements Runnable, Closeable {
            @Override
            public void run() {
                ran.incrementAndGet();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }
        queue.execute(new Teardown());
        queue.execute(new Teardown());
        assertEquals(2, closed.get());
        assertEquals(0, ran.get());
    }
}
