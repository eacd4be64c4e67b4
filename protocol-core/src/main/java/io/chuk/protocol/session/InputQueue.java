package io.chuk.protocol.session;

/**
 * Input a session has received and its handler has not taken yet, with its size in bytes, so
 * the session can stop reading from a client that sends faster than its handler works.
 * Not thread-safe: the session guards it with its lock.
 */
final class InputQueue extends SmallQueue {

    /** Marks the end of the client's input (it closed its sending side). */
    static final Object END_OF_INPUT = new Object();

    private long bytes;

    /** Adds bytes ({@code byte[]}), a message ({@code String}), a {@link SessionTask} or {@link #END_OF_INPUT}. */
    void add(Object item) {
        append(item);
        bytes += sizeOf(item);
    }

    /** The oldest item, or {@code null} when empty. */
    Object poll() {
        Object item = take();
        if (item != null) {
            bytes -= sizeOf(item);
        }
        return item;
    }

    long bytes() {
        return bytes;
    }

    void clear() {
        dropAll();
        bytes = 0;
    }

    /** What an item costs in memory: its bytes, or two per character of a message. */
    static long sizeOf(Object item) {
        if (item instanceof byte[] data) {
            return data.length;
        }
        if (item instanceof String text) {
            return text.length() * 2L;
        }
        if (item instanceof SessionTask task) {
            return task.size();
        }
        return 0;
    }
}
