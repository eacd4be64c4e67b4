package io.chuk.protocol.session;

import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * A first-in, first-out queue of items that keeps its oldest item in a field of its own: a
 * session's queues almost always hold one item or none, so the common case touches no other
 * object, and an idle session's queue costs no deque. Items after the first go to a deque made
 * when a second one is queued. {@code null} is not an item. A queue extends it rather than
 * holding one, so that queue and storage are one object. Not thread-safe: the session guards its
 * queues with its lock.
 */
abstract class SmallQueue {

    /** The oldest item, or {@code null} when the queue is empty. */
    private Object first;
    /** The items after the first, oldest first; made when there is a second one. */
    private ArrayDeque<Object> rest;

    final void append(Object item) {
        if (first == null) {
            first = item;
            return;
        }
        if (rest == null) {
            rest = new ArrayDeque<>(2);
        }
        rest.add(item);
    }

    /** The oldest item, taken out, or {@code null} when empty. */
    final Object take() {
        Object item = first;
        if (item != null) {
            first = rest == null ? null : rest.poll();
        }
        return item;
    }

    final boolean isEmpty() {
        return first == null;
    }

    final int size() {
        return first == null ? 0 : 1 + (rest == null ? 0 : rest.size());
    }

    /** Every item, oldest first, taken out. */
    @SuppressWarnings("unchecked")
    final <T> T[] takeAll(IntFunction<T[]> newArray) {
        T[] all = newArray.apply(size());
        for (int i = 0; i < all.length; i++) {
            all[i] = (T) take();
        }
        return all;
    }

    final void dropAll() {
        first = null;
        if (rest != null) {
            rest.clear();
        }
    }
}
