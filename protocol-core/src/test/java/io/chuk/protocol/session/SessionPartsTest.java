package io.chuk.protocol.session;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts a session is made of, each on its own. */
class SessionPartsTest {

    @Nested
    class BackpressureRules {
        @Test
        void pausesPastEitherHighWaterAndResumesOnlyBelowBothLowWaters() {
            assertEquals(Backpressure.Change.NONE, Backpressure.decide(false, Backpressure.INPUT_HIGH_WATER, 0));
            assertEquals(Backpressure.Change.PAUSE, Backpressure.decide(false, Backpressure.INPUT_HIGH_WATER + 1, 0));
            assertEquals(Backpressure.Change.NONE, Backpressure.decide(true, Backpressure.INPUT_HIGH_WATER + 1, 0), "no second pause");
            assertEquals(Backpressure.Change.NONE, Backpressure.decide(true, Backpressure.INPUT_LOW_WATER, Backpressure.OUTPUT_LOW_WATER + 1),
                    "output still above its low-water mark");
            assertEquals(Backpressure.Change.RESUME, Backpressure.decide(true, Backpressure.INPUT_LOW_WATER, Backpressure.OUTPUT_LOW_WATER));
            assertEquals(Backpressure.Change.NONE, Backpressure.decide(false, Backpressure.INPUT_LOW_WATER, Backpressure.OUTPUT_LOW_WATER),
                    "no resume when not paused");
            assertEquals(Backpressure.Change.PAUSE, Backpressure.decide(false, 0, Backpressure.OUTPUT_HIGH_WATER + 1));
        }
    }

    @Nested
    class Queues {
        @Test
        void inputCountsBytesAndTwoBytesPerCharacter() {
            InputQueue input = new InputQueue();
            input.add(new byte[10]);
            input.add("abc");
            input.add(InputQueue.END_OF_INPUT);
            assertEquals(16, input.bytes());
            assertEquals(10, ((byte[]) input.poll()).length);
            assertEquals("abc", input.poll());
            assertSame(InputQueue.END_OF_INPUT, input.poll());
            assertEquals(0, input.bytes());
            assertNull(input.poll());
        }

        @Test
        void outputLeavesInBatchesWhileOneIsInFlight() {
            OutputQueue output = new OutputQueue();
            output.add(new byte[]{1});
            output.add(new byte[]{2, 3});
            ByteBuffer[] first = output.startBatch();
            assertEquals(2, first.length);
            output.add(new byte[]{4});
            assertNull(output.startBatch(), "one batch in flight at a time");
            assertEquals(4, output.bytes(), "in flight and queued both count");
            ByteBuffer[] second = output.batchWritten();
            assertArrayEquals(new byte[]{4}, second[0].array());
            assertEquals(1, output.bytes());
            assertNull(output.batchWritten());
            assertTrue(output.isIdle());
            assertTrue(output.wouldExceed(11, 10));
            assertFalse(output.wouldExceed(10, 10));
        }

        @Test
        void aStuckWriteShowsHowLongItHasWaited() {
            OutputQueue output = new OutputQueue();
            assertEquals(0, output.stalledNanos(100));
            output.add(new byte[]{1});
            output.startBatch();
            assertEquals(0, output.stalledNanos(1000), "counted from the first look that finds it in flight");
            assertEquals(900, output.stalledNanos(1900));
            output.add(new byte[]{2});
            assertArrayEquals(new byte[]{2}, output.batchWritten()[0].array());
            assertEquals(0, output.stalledNanos(2000), "a new batch in flight starts again");
            assertEquals(500, output.stalledNanos(2500));
            output.writeFailed();
            assertEquals(0, output.stalledNanos(3000));
        }
    }

    @Nested
    class Deadlines {
        private static final long S = 1_000_000_000L;

        @Test
        void idleWriteAndKeepaliveFallDueInOrderOfUrgency() {
            SessionDeadlines deadlines = new SessionDeadlines(new SessionDeadlines.Limits(Duration.ofSeconds(10), Duration.ofSeconds(3),
                    Duration.ofSeconds(5), Duration.ofSeconds(2)), 0);
            assertEquals(SessionDeadlines.Due.NONE, deadlines.check(2 * S, 0));
            assertEquals(SessionDeadlines.Due.KEEPALIVE, deadlines.check(3 * S, 0));
            assertEquals(SessionDeadlines.Due.NONE, deadlines.check(4 * S, 0), "the next keepalive is an interval later");
            assertEquals(SessionDeadlines.Due.WRITE_TIMEOUT, deadlines.check(4 * S, 5 * S));
            deadlines.inputReceived();
            assertEquals(4 * S, deadlines.lastInputNanos(4 * S), "input since the last tick is input now");
            assertEquals(SessionDeadlines.Due.NONE, deadlines.check(5 * S, 0), "the tick takes the input at its time");
            assertEquals(5 * S, deadlines.lastInputNanos(6 * S));
            assertEquals(SessionDeadlines.Due.KEEPALIVE, deadlines.check(14 * S, 0));
            assertEquals(SessionDeadlines.Due.IDLE_TIMEOUT, deadlines.check(15 * S, 0));
        }

        @Test
        void aClosingSessionOnlyHasItsCloseDeadline() {
            SessionDeadlines deadlines = new SessionDeadlines(new SessionDeadlines.Limits(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ofSeconds(2)), 0);
            deadlines.closing(10 * S);
            assertEquals(SessionDeadlines.Due.NONE, deadlines.check(11 * S, 5 * S));
            deadlines.closing(11 * S);
            assertEquals(SessionDeadlines.Due.CLOSE_TIMEOUT, deadlines.check(12 * S, 0), "the first closing counts");
        }

        @Test
        void zeroMeansNever() {
            SessionDeadlines deadlines = new SessionDeadlines(new SessionDeadlines.Limits(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)), 0);
            assertEquals(SessionDeadlines.Due.NONE, deadlines.check(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
        }
    }

    @Nested
    class AwaitWait {
        /** A session with a queue of input, fed by the test. */
        private final class QueueSource {
            final java.util.concurrent.ConcurrentLinkedQueue<Object> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
            final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            final java.util.function.Consumer<Object> onDeliver;
            volatile boolean closed;

            QueueSource(java.util.function.Consumer<Object> onDeliver) {
                this.onDeliver = onDeliver;
            }

            AwaitPump pump() {
                return new AwaitPump(this::flush, this::next, this::deliver, this::waitEnded);
            }

            void flush() {
                if (events.isEmpty() || !events.get(events.size() - 1).equals("flush")) {
                    events.add("flush");
                }
            }

            Object next(java.util.concurrent.CompletableFuture<?> result) {
                if (closed) {
                    throw new io.chuk.protocol.api.SessionClosedException("s");
                }
                return queued.poll();
            }

            void deliver(Object item) {
                events.add("deliver " + item);
                onDeliver.accept(item);
            }

            void waitEnded() {
                events.add("ended");
            }
        }

        @Test
        void deliversQueuedInputInOrderOnTheWaitingThreadUntilTheResultIsThere() {
            java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
            Thread caller = Thread.currentThread();
            List<Thread> deliveredOn = new ArrayList<>();
            QueueSource source = new QueueSource(item -> {
                deliveredOn.add(Thread.currentThread());
                if (item.equals("answer")) {
                    answer.complete("yes");
                }
            });
            source.queued.addAll(List.of("one", "two", "answer", "after"));
            AwaitPump pump = source.pump();

            assertEquals("yes", pump.await(answer));
            assertEquals(List.of("flush", "deliver one", "flush", "deliver two", "flush", "deliver answer", "ended"),
                    source.events, "output flushed before each look, and input after the answer left queued");
            assertEquals(List.of("after"), List.copyOf(source.queued));
            assertTrue(deliveredOn.stream().allMatch(thread -> thread == caller));
            assertFalse(pump.waitingOnThisThread(), "no longer waiting once the result is there");
        }

        @Test
        void inputArrivingLaterWakesTheWait() throws Exception {
            java.util.concurrent.CompletableFuture<Integer> answer = new java.util.concurrent.CompletableFuture<>();
            QueueSource source = new QueueSource(item -> answer.complete(42));
            AwaitPump pump = source.pump();
            ExecutorService waiter = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<Integer> result = waiter.submit(() -> pump.await(answer));
                source.queued.add("late");
                pump.wake();
                assertEquals(42, result.get(10, TimeUnit.SECONDS));
                assertTrue(source.events.contains("deliver late"));
            } finally {
                waiter.shutdownNow();
            }
        }

        @Test
        void aNestedWaitEndsFirstAndTheOuterOneGoesOn() {
            java.util.concurrent.CompletableFuture<String> outer = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CompletableFuture<String> inner = new java.util.concurrent.CompletableFuture<>();
            AwaitPump[] pump = new AwaitPump[1];
            List<String> innerResults = new ArrayList<>();
            QueueSource source = new QueueSource(item -> {
                switch ((String) item) {
                    case "start inner" -> {
                        innerResults.add(pump[0].await(inner));
                        assertTrue(pump[0].waitingOnThisThread(), "the outer wait is still on this thread");
                    }
                    case "inner answer" -> inner.complete("inner done");
                    case "outer answer" -> outer.complete("outer done");
                    default -> throw new AssertionError(item);
                }
            });
            source.queued.addAll(List.of("start inner", "inner answer", "outer answer"));
            pump[0] = source.pump();

            assertEquals("outer done", pump[0].await(outer));
            assertEquals(List.of("inner done"), innerResults);
            assertFalse(pump[0].waitingOnThisThread());
        }

        @Test
        void aClosedSessionEndsTheWaitAndAFailedResultIsThrownAsItself() {
            QueueSource source = new QueueSource(item -> { });
            AwaitPump pump = source.pump();
            source.closed = true;
            assertThrows(io.chuk.protocol.api.SessionClosedException.class,
                    () -> pump.await(new java.util.concurrent.CompletableFuture<>()));
            assertEquals("ended", source.events.get(source.events.size() - 1), "the wait's end is reported");

            source.closed = false;
            IllegalStateException failure = new IllegalStateException("no such user");
            assertSame(failure, assertThrows(IllegalStateException.class,
                    () -> pump.await(java.util.concurrent.CompletableFuture.failedFuture(failure))));
        }
    }

    @Nested
    class Execution {
        @Test
        void inlineTasksRunOnTheCallerAndNeverOverlap() {
            List<String> order = new ArrayList<>();
            SerialExecutor serial = new SerialExecutor(task -> {
                throw new AssertionError("inline tasks never go to the pool");
            }, true, new Object());
            Thread caller = Thread.currentThread();
            serial.execute(() -> {
                order.add("first");
                serial.execute(() -> order.add("nested, after first")); // queued, not recursive
                order.add("first done");
                assertSame(caller, Thread.currentThread());
            });
            assertEquals(List.of("first", "first done", "nested, after first"), order);
        }

        @Test
        void aPlatformPoolNeverHoldsMoreThanItsBudget() throws Exception {
            ExecutorService pool = CallbackPools.platformPool("test", 3); // the Java 17 pool, whatever JDK runs this
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(20);
            try {
                for (int i = 0; i < 20; i++) {
                    pool.execute(() -> {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        done.countDown();
                    });
                }
                release.countDown();
                assertTrue(done.await(10, TimeUnit.SECONDS), "queued tasks all ran once threads were free");
                assertTrue(peak.get() <= 3, "at most the budget at once: " + peak.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
