package io.chuk.protocol.session;

import io.chuk.protocol.api.SessionClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What moves a session's data, behind its one lock (its own monitor, which nothing outside the
 * session takes: a separate lock object would be one more object per session, and one more cache
 * line touched per message): input queued for the handler
 * ({@link InputQueue}) and drained one item at a time, output queued for the client
 * ({@link OutputQueue}) and written one batch at a time ({@link WriteLoop}), reading paused and
 * resumed as either backs up ({@link Backpressure}), and the state machine from open through
 * closing to closed, with the bounds whose breach ends a session (the input flood, the output
 * limit). Decisions are taken under the lock; what they cause (a write, a pause, a close) is done
 * outside it.
 *
 * <p>{@link ProtocolSession} extends it with the handler, the telnet layer and the public face, as
 * Jetty's endpoints extend their base classes: one object per session, however many parts.
 */
abstract class SessionFlow {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    private enum State { OPEN, CLOSING, CLOSED }

    final String id;
    final SessionChannel channel;
    final SessionDeadlines deadlines;
    /** Runs the session's callbacks one at a time; it shares the session's lock. */
    final SerialExecutor callbacks;
    private final long maxOutputBuffer;
    private final InputQueue input = new InputQueue();
    private final OutputQueue output = new OutputQueue();
    /** Whether reading from the client is paused ({@link Backpressure}). */
    private boolean paused;
    private final WriteLoop writes;
    /** Written under the lock; volatile so that {@link #isOpen}, asked per message, takes no lock. */
    private volatile State state = State.OPEN;
    private boolean drainScheduled;
    /** The drain of queued input, made once: it is scheduled for nearly every read that cannot go inline. */
    private final Runnable drainTask = () -> drain(false);
    private long bytesReceived;
    private long bytesSent;
    /** What {@link ProtocolSession#await} is parked on while it has no input to deliver, else {@code null}. */
    private CompletableFuture<?> parkedOn;

    /**
     * @param callbackPool where callbacks run
     * @param inline       whether callbacks may run on the thread that brought their input (handlers
     *                     that never block)
     */
    SessionFlow(String id, SessionChannel channel, SessionDeadlines.Limits limits, long maxOutputBuffer,
            Executor callbackPool, boolean inline) {
        this.id = id;
        this.channel = channel;
        this.callbacks = new SerialExecutor(callbackPool, inline, this);
        this.deadlines = new SessionDeadlines(limits, System.nanoTime());
        this.maxOutputBuffer = maxOutputBuffer;
        this.writes = new WriteLoop(channel) {
            @Override
            ByteBuffer[] written(long bytes) {
                return SessionFlow.this.written(bytes);
            }

            @Override
            void failed(Throwable cause) {
                writeFailed(cause);
            }
        };
    }

    /** Hands one input item to the handler; called in the session's callback order, outside the lock. */
    abstract void deliver(Object item);

    /** Whether the calling thread runs one of the session's callbacks: its output then waits for the callback's end. */
    abstract boolean inCallback();

    /** Told after input was queued: a waiting {@code await} looks again. */
    abstract void inputQueued();

    /** Told of every output queued, after it was. */
    abstract void outputQueued(byte[] bytes);

    // ---- state ------------------------------------------------------------------------------

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether reading from the client is paused right now (flow control). */
    public boolean inputPaused() {
        synchronized (this) {
            return paused;
        }
    }

    /** Bytes of output waiting for this client. */
    public long queuedOutputBytes() {
        synchronized (this) {
            return output.bytes();
        }
    }

    /** Bytes received from the client so far. */
    long bytesReceived() {
        synchronized (this) {
            return bytesReceived;
        }
    }

    /** Bytes written to the client so far. */
    long bytesSent() {
        synchronized (this) {
            return bytesSent;
        }
    }

    // ---- input ------------------------------------------------------------------------------

    /**
     * Queues input for the handler; {@code received} counts toward statistics and idleness. When
     * nothing waits before it and the session's inline callbacks are idle (the common case for a
     * non-blocking handler), the calling thread delivers it at once, without queuing it or handing
     * a task to the executor: one lock taken on the way in and one on the way out.
     */
    final void enqueueInput(Object item, long received) {
        Backpressure.Change change = Backpressure.Change.NONE;
        boolean schedule = false;
        boolean flood = false;
        boolean direct = false;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            bytesReceived += received;
            if (!drainScheduled && state == State.OPEN && input.isEmpty() && callbacks.claimIdleInline()) {
                direct = true;
                drainScheduled = true; // input that comes meanwhile queues behind this item
            } else {
                input.add(item);
                flood = input.size() > 1 && input.bytes() > Backpressure.INPUT_LIMIT;
                change = backpressure();
                schedule = !drainScheduled;
                drainScheduled = true;
            }
        }
        if (flood) {
            // Only a transport that cannot pause reading gets here; its input is still bounded.
            cutOff("sent " + Backpressure.INPUT_LIMIT + " bytes more than its handler took",
                    "Input flood: the server cannot keep up");
            return;
        }
        if (received > 0) {
            deadlines.inputReceived();
        }
        if (direct) {
            deliverSafely(item);
            drain(true);
            return;
        }
        applyFlowControl(change);
        inputQueued();
        if (schedule) {
            callbacks.execute(drainTask);
        }
    }

    /**
     * Delivers queued input until there is none; {@code claimed} when the calling thread holds the
     * executor's slot from {@link SerialExecutor#claimIdleInline}, given back with the last poll.
     */
    private void drain(boolean claimed) {
        while (true) {
            Object item;
            Backpressure.Change change = Backpressure.Change.NONE;
            boolean open = false;
            boolean tasksWaiting = false;
            synchronized (this) {
                item = input.poll();
                if (item == null) {
                    drainScheduled = false;
                    tasksWaiting = claimed && callbacks.releaseClaimed();
                } else {
                    change = backpressure();
                    open = state == State.OPEN;
                }
            }
            if (item == null) {
                if (tasksWaiting) {
                    callbacks.runQueued();
                }
                return;
            }
            applyFlowControl(change);
            if (open) {
                deliverSafely(item);
            }
        }
    }

    /** Delivers one item; a failure the handler's error policy let through must not stop the drain. */
    private void deliverSafely(Object item) {
        try {
            deliver(item);
        } catch (RuntimeException | Error e) {
            LOG.error("Session {}: delivering input failed", id, e);
        }
    }

    /**
     * The next item for a callback awaiting {@code result}, taken under the lock, or {@code null}
     * when there is none: the session then counts as parked on {@code result}.
     *
     * @throws SessionClosedException once the session is no longer open
     */
    final Object nextWhileAwaiting(CompletableFuture<?> result) {
        Object item;
        Backpressure.Change change;
        synchronized (this) {
            if (state != State.OPEN) {
                throw new SessionClosedException(id);
            }
            item = input.poll();
            change = backpressure();
            parkedOn = item == null ? result : null;
        }
        applyFlowControl(change);
        return item;
    }

    /** An await ended, however it ended: the session is no longer parked. */
    final void awaitEnded() {
        synchronized (this) {
            parkedOn = null;
        }
    }

    /**
     * Whether a callback waits in {@code await} with no input left to deliver: the session can
     * only move on when its client (or a timer) sends something. A test kit's point of quiet.
     */
    public boolean awaitingInput() {
        synchronized (this) {
            return state == State.OPEN && parkedOn != null && !parkedOn.isDone() && input.size() == 0;
        }
    }

    /** Under the lock: applies {@link Backpressure}'s decision to {@link #paused} and returns it. */
    private Backpressure.Change backpressure() {
        Backpressure.Change change = Backpressure.decide(paused, input.bytes(), output.bytes());
        if (change != Backpressure.Change.NONE) {
            paused = change == Backpressure.Change.PAUSE;
        }
        return change;
    }

    /**
     * Tells the transport to stop or resume reading after a change. Changes are decided under the
     * lock but applied outside it, so two threads may apply theirs in the wrong order: each
     * applies the current state and again until it holds still, so the last word is the latest.
     */
    private void applyFlowControl(Backpressure.Change change) {
        if (change == Backpressure.Change.NONE) {
            return;
        }
        boolean paused = inputPaused();
        while (true) {
            if (paused) {
                LOG.debug("Session {}: input paused", id);
            }
            channel.setInputPaused(paused);
            boolean now = inputPaused();
            if (now == paused) {
                return;
            }
            paused = now;
        }
    }

    // ---- output -----------------------------------------------------------------------------

    /** Queues output and starts writing; with {@code thenClose} the session starts closing after it. */
    final void enqueueOutput(byte[] bytes, boolean thenClose) {
        Backpressure.Change change = Backpressure.Change.NONE;
        ByteBuffer[] batch = null;
        boolean overflow;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            overflow = output.wouldExceed(bytes.length, maxOutputBuffer);
            if (!overflow) {
                output.add(bytes);
                change = backpressure();
                // Inside a callback, output waits for the callback's end so it leaves in one write,
                // unless there is already a lot of it.
                if (!inCallback() || output.bytes() >= Backpressure.OUTPUT_HIGH_WATER) {
                    batch = output.startBatch();
                }
                if (thenClose) {
                    beginClosing(); // the channel closes once the output is written
                }
            }
        }
        if (overflow) {
            cutOff("is not reading (" + maxOutputBuffer + " bytes of output waiting)",
                    "Output buffer full: the client is not reading");
            return;
        }
        outputQueued(bytes);
        applyFlowControl(change);
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** MCCP2: queues {@code lastPlain}, then compresses (or stops compressing) all output after it, with nothing between. */
    final void switchOutputCompression(byte[] lastPlain, boolean compress) {
        ByteBuffer[] batch = null;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            output.add(lastPlain);
            output.compressFromHere(compress);
            if (!inCallback()) {
                batch = output.startBatch();
            }
        }
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** Starts writing what a callback queued, unless a write is already in flight. */
    final void flushQueued() {
        ByteBuffer[] batch;
        synchronized (this) {
            batch = state == State.CLOSED ? null : output.startBatch();
        }
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** Accounts a finished write; returns the next batch, or null when idle. */
    private ByteBuffer[] written(long written) {
        Backpressure.Change change;
        boolean closeNow;
        ByteBuffer[] batch;
        synchronized (this) {
            if (state == State.CLOSED) {
                return null;
            }
            bytesSent += written;
            batch = output.batchWritten();
            change = backpressure();
            closeNow = batch == null && state == State.CLOSING;
        }
        applyFlowControl(change);
        if (closeNow) {
            channel.close();
        }
        return batch;
    }

    private void writeFailed(Throwable cause) {
        LOG.debug("Session {}: write failed: {}", id, cause.toString());
        synchronized (this) {
            output.writeFailed();
        }
        forceClose();
    }

    /** How long the batch in flight has waited for the client, 0 when none is; -1 once closed. */
    final long stalledNanos(long nowNanos) {
        synchronized (this) {
            return state == State.CLOSED ? -1 : output.stalledNanos(nowNanos);
        }
    }

    // ---- closing ----------------------------------------------------------------------------

    /** Closes the session once its queued output is written (bounded by the close timeout). */
    public void close() {
        boolean closeNow;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            closeNow = beginClosing();
        }
        if (closeNow) {
            channel.close();
        } else {
            flushQueued(); // the end of a compressed stream may be all there is to write
        }
    }

    /** OPEN to CLOSING, under the lock; returns whether nothing is left to write (close at once). */
    private boolean beginClosing() {
        state = State.CLOSING;
        deadlines.closing(System.nanoTime());
        output.compressFromHere(false); // MCCP2: the client gets the end of its zlib stream before the close
        return output.isIdle();
    }

    /** Ends a session that broke one of its bounds, dropping what it had queued; {@code reason} goes to the client. */
    final void cutOff(String why, String reason) {
        if (markClosing(true)) {
            LOG.warn("Session {}: client {} {}; closing", id, channel.remoteAddress(), why);
            channel.closeForViolation(reason);
        }
    }

    /** Closes at once, dropping unwritten output. */
    void forceClose() {
        if (markClosing(false)) {
            channel.close();
        }
    }

    /** Any state but CLOSED to CLOSING; returns false if already closed. */
    private boolean markClosing(boolean dropInput) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSING;
            deadlines.closing(System.nanoTime());
            if (dropInput) {
                input.clear();
            }
            return true;
        }
    }

    /** The connection is gone: drops everything queued; returns false if it was already. */
    final boolean markClosed() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSED;
            input.clear();
            output.clear();
            return true;
        }
    }

    /** The state, queues and flow control, for {@code toString}. */
    final String flowState() {
        synchronized (this) {
            return state + " writing=" + output.isWriting() + " outbox=" + output.size() + " inbox=" + input.size()
                    + " paused=" + paused;
        }
    }
}
