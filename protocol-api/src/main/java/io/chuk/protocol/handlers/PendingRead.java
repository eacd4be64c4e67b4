package io.chuk.protocol.handlers;

import io.chuk.protocol.api.InputTimeoutException;
import io.chuk.protocol.api.SessionClosedException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one read a handler may have waiting at a time (an {@code ask}, a {@code readLine}, a
 * {@code readCharacter} or a {@code readRaw}): the next input of its kind completes it instead of
 * reaching the handler's callbacks. Its timeout and the session's end complete it too, so it
 * never waits silently forever. Used only from the session's callbacks, one at a time.
 */
final class PendingRead {

    enum Kind { LINE, CHARACTER, RAW }

    private final HandlerContext context;
    private Kind kind;
    private CompletableFuture<Object> future;
    private HandlerContext.Scheduled timer;
    private boolean hidHidden;
    /** What a continuation run by {@link #complete} or a failure threw, reported by the callback that ran it. */
    private Exception continuationFailure;

    PendingRead(HandlerContext context) {
        this.context = context;
        context.whenClosed(() -> fail(new SessionClosedException(context.session().id())));
    }

    /** Starts a read; a read already waiting makes the new one fail at once. */
    @SuppressWarnings("unchecked")
    <T> CompletionStage<T> start(Kind wanted, Duration timeout, boolean secret) {
        if (future != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " read is already waiting"));
        }
        if (!context.session().isOpen()) {
            return CompletableFuture.failedFuture(new SessionClosedException(context.session().id()));
        }
        CompletableFuture<Object> started = new CompletableFuture<>();
        kind = wanted;
        future = started;
        if (secret && !context.inputHidden()) {
            context.setInputHidden(true);
            hidHidden = true;
        }
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            timer = context.schedule(timeout, () -> {
                if (future == started) {
                    fail(new InputTimeoutException(timeout));
                    try {
                        rethrowContinuationFailure();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }
            });
        }
        return (CompletionStage<T>) started;
    }

    /** Whether a read of this kind is waiting. */
    boolean waitingFor(Kind wanted) {
        return future != null && kind == wanted;
    }

    /** Whether the waiting read hides what is typed. */
    boolean secret() {
        return hidHidden;
    }

    /** Completes the waiting read with {@code value}; rethrows what a {@code whenAnswered} continuation threw. */
    void complete(Object value) throws Exception {
        finish().complete(value);
        rethrowContinuationFailure();
    }

    /** A continuation failed: the callback that completed the read reports it once it returns. */
    void continuationFailed(Exception failure) {
        if (continuationFailure == null) {
            continuationFailure = failure;
        }
    }

    private void rethrowContinuationFailure() throws Exception {
        Exception failure = continuationFailure;
        continuationFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    private void fail(RuntimeException cause) {
        if (future != null) {
            finish().completeExceptionally(cause);
        }
    }

    /** Clears the waiting read (before its future completes, so a continuation may start the next one). */
    private CompletableFuture<Object> finish() {
        CompletableFuture<Object> done = future;
        future = null;
        kind = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (hidHidden) {
            hidHidden = false;
            if (context.session().isOpen()) {
                context.setInputHidden(false);
            }
        }
        return done;
    }
}
