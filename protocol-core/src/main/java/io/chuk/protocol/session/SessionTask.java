package io.chuk.protocol.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Handler work that travels in a session's input queue, so it runs in order with the input and
 * also while a callback waits in {@code await}: a timer that fired, a notice from the directory.
 *
 * @param size what it costs in the input queue's byte count, so notices are bounded like input
 */
record SessionTask(HandlerInvoker.Callback callback, long size, AtomicBoolean cancelled) {

    SessionTask(HandlerInvoker.Callback callback, long size) {
        this(callback, size, new AtomicBoolean());
    }

    /** Stops it from running; returns false if it was already cancelled. */
    boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }

    void run(HandlerInvoker handler) {
        if (!cancelled.get()) {
            handler.invoke(callback);
        }
    }
}
