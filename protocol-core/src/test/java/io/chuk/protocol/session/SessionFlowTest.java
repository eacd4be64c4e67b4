package io.chuk.protocol.session;

import io.chuk.protocol.api.SessionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SessionFlow} on its own, without a handler: the drain is run by the test, "inside a
 * callback" is a flag, and the channel is {@link FakeSessionChannel}.
 */
class SessionFlowTest {

    private FakeSessionChannel channel;

    /** A flow whose drains wait for the test to run them, and which records what it delivers. */
    private static final class TestFlow extends SessionFlow {
        final List<Object> delivered = new ArrayList<>();
        final List<Runnable> drains;
        final List<byte[]> queued = new ArrayList<>();
        int wakes;
        boolean inCallback;
        /** Run by {@link #deliver} after recording the item, once. */
        Runnable onDelivery;

        TestFlow(SessionChannel channel, long maxOutputBuffer) {
            this(channel, maxOutputBuffer, new ArrayList<>(), false);
        }

        /** With {@code inline}, input is delivered on the thread that brings it whenever the flow is idle. */
        TestFlow(SessionChannel channel, long maxOutputBuffer, List<Runnable> drains, boolean inline) {
            super("flow-test", channel, new SessionDeadlines.Limits(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    Duration.ofSeconds(5)), maxOutputBuffer, drains::add, inline);
            this.drains = drains;
        }

        @Override
        void deliver(Object item) {
            delivered.add(item);
            Runnable then = onDelivery;
            onDelivery = null;
            if (then != null) {
                then.run();
            }
        }

        @Override
        boolean inCallback() {
            return inCallback;
        }

        @Override
        void inputQueued() {
            wakes++;
        }

        @Override
        void outputQueued(byte[] bytes) {
            queued.add(bytes);
        }

        void runDrains() {
            List<Runnable> now = List.copyOf(drains);
            drains.clear();
            now.forEach(Runnable::run);
        }
    }

    private TestFlow flow(FakeSessionChannel.Completion completion, long maxOutputBuffer) {
        channel = new FakeSessionChannel(completion);
        return new TestFlow(channel, maxOutputBuffer);
    }

    @AfterEach
    void stopChannel() {
        channel.shutdown();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void inputIsDeliveredInOrderByOneDrainAtATime() {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        flow.enqueueInput("one", 3);
        flow.enqueueInput("two", 3);
        flow.enqueueInput(InputQueue.END_OF_INPUT, 0);
        assertEquals(1, flow.drains.size(), "a drain already scheduled takes later input too");
        assertEquals(3, flow.wakes, "each item wakes a waiting await");
        flow.runDrains();
        assertEquals(List.of("one", "two", InputQueue.END_OF_INPUT), flow.delivered);
        assertEquals(6, flow.bytesReceived());
        flow.enqueueInput("three", 5);
        assertEquals(1, flow.drains.size(), "a finished drain is scheduled again by new input");
    }

    @Test
    void idleInlineFlowDeliversOnTheCallingThreadAndQueuesWhatComesMeanwhileBehindIt() {
        channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        TestFlow flow = new TestFlow(channel, 1 << 20, new ArrayList<>(), true);
        List<String> order = new ArrayList<>();
        flow.onDelivery = () -> {
            // During the first delivery: a second item and a callback task arrive.
            flow.enqueueInput("two", 3);
            flow.callbacks.execute(() -> order.add("task after " + flow.delivered));
            order.add("first delivery ends");
        };
        flow.enqueueInput("one", 3);
        assertEquals(List.of("one", "two"), flow.delivered, "delivered at once, in order, the second after the first");
        assertEquals(List.of("first delivery ends", "task after [one, two]"), order,
                "a task queued during a delivery runs after it and after the input queued before it");
        assertTrue(flow.drains.isEmpty(), "nothing was handed to the pool");
        assertEquals(1, flow.wakes, "only queued input wakes an await");
        assertEquals(6, flow.bytesReceived());
        flow.enqueueInput("three", 5);
        assertEquals(List.of("one", "two", "three"), flow.delivered, "the slot was given back: the next item goes at once");
    }

    @Test
    void aFailingDeliveryDoesNotWedgeTheFlow() {
        channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        TestFlow flow = new TestFlow(channel, 1 << 20, new ArrayList<>(), true);
        flow.onDelivery = () -> {
            throw new IllegalStateException("a failure the error policy let through");
        };
        flow.enqueueInput("one", 3);
        flow.enqueueInput("two", 3);
        assertEquals(List.of("one", "two"), flow.delivered);
    }

    @Test
    void inputPastHighWaterPausesReadingUntilDrainedBelowLowWater() throws InterruptedException {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        flow.enqueueInput(new byte[Backpressure.INPUT_HIGH_WATER], Backpressure.INPUT_HIGH_WATER);
        assertFalse(flow.inputPaused(), "at the mark, not past it");
        flow.enqueueInput(new byte[1], 1);
        assertTrue(flow.inputPaused());
        assertTrue(channel.awaitPauses(List.of(true)));
        flow.runDrains();
        assertFalse(flow.inputPaused());
        assertTrue(channel.awaitPauses(List.of(true, false)), "resumed once drained");
        assertEquals(2, flow.delivered.size(), "nothing lost");
    }

    @Test
    void inputFloodOnATransportThatCannotPauseCutsTheClientOff() {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        flow.enqueueInput(new byte[Backpressure.INPUT_LIMIT], Backpressure.INPUT_LIMIT);
        assertEquals(0, channel.closeCount(), "one item may be big; the limit counts what waits behind it");
        flow.enqueueInput(new byte[1], 1);
        assertEquals(1, channel.closeCount());
        assertFalse(flow.isOpen());
        flow.runDrains();
        assertTrue(flow.delivered.isEmpty(), "the flood's input is dropped, not delivered");
    }

    @Test
    void outputInsideACallbackLeavesInOneWriteAtItsEnd() throws InterruptedException {
        TestFlow flow = flow(FakeSessionChannel.Completion.NEVER, 1 << 20);
        flow.inCallback = true;
        flow.enqueueOutput(bytes("a"), false);
        flow.enqueueOutput(bytes("b"), false);
        assertTrue(channel.buffers().isEmpty(), "held until the callback ends");
        assertEquals(2, flow.queued.size());
        flow.inCallback = false;
        flow.flushQueued();
        assertEquals(List.of("a", "b"), channel.buffers());
        assertEquals(1, channel.maxWritesInFlight());
        flow.enqueueOutput(bytes("c"), false);
        assertEquals(List.of("a", "b"), channel.buffers(), "one batch in flight at a time");
        assertEquals(3, flow.queuedOutputBytes());
        assertTrue(flow.stalledNanos(System.nanoTime()) >= 0);
    }

    @Test
    void outputPastTheLimitCutsTheClientOff() {
        TestFlow flow = flow(FakeSessionChannel.Completion.NEVER, 100);
        flow.enqueueOutput(new byte[60], false);
        assertEquals(0, channel.closeCount());
        flow.enqueueOutput(new byte[60], false);
        assertEquals(1, channel.closeCount(), "120 bytes would pass the bound of 100");
        assertFalse(flow.isOpen());
        flow.enqueueOutput(new byte[1], false);
        assertEquals(1, flow.queued.size(), "nothing is queued once closing");
    }

    @Test
    void closeWritesWhatIsQueuedThenClosesTheChannel() {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        flow.inCallback = true;
        flow.enqueueOutput(bytes("last words"), false);
        flow.close();
        assertEquals("last words", channel.outputAtClose(), "written before the close");
        assertEquals(1, channel.closeCount());
        assertEquals(10, flow.bytesSent());
        flow.close();
        assertEquals(1, channel.closeCount(), "closing twice closes once");
    }

    @Test
    void aClosedFlowDropsEverything() {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        assertTrue(flow.markClosed());
        assertFalse(flow.markClosed(), "closed once");
        flow.enqueueInput("late", 4);
        flow.enqueueOutput(bytes("late"), false);
        assertTrue(flow.drains.isEmpty());
        assertTrue(channel.buffers().isEmpty());
        assertEquals(-1, flow.stalledNanos(System.nanoTime()));
        assertThrows(SessionClosedException.class, () -> flow.nextWhileAwaiting(new CompletableFuture<>()));
    }

    @Test
    void anAwaitWithNothingToDeliverIsParkedUntilInputComes() {
        TestFlow flow = flow(FakeSessionChannel.Completion.INLINE, 1 << 20);
        CompletableFuture<String> result = new CompletableFuture<>();
        assertNull(flow.nextWhileAwaiting(result));
        assertTrue(flow.awaitingInput(), "parked on an open result with no input");
        flow.enqueueInput("answer", 6);
        assertFalse(flow.awaitingInput(), "input waits to be delivered");
        assertEquals("answer", flow.nextWhileAwaiting(result));
        assertNull(flow.nextWhileAwaiting(result));
        result.complete("done");
        assertFalse(flow.awaitingInput(), "a completed result is not a wait");
        flow.awaitEnded();
        assertFalse(flow.awaitingInput());
    }
}
