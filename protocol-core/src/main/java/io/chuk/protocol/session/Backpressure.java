package io.chuk.protocol.session;

/**
 * When to stop reading from a client: once input waiting for the handler or output waiting for
 * the client passes its high-water mark, until both are back under their low-water marks. The
 * gap between the marks keeps a busy session from flapping. A pure decision: the session keeps
 * whether it is paused (one field, under its lock), rather than a state object per session.
 */
final class Backpressure {

    /** Input waiting for the handler above which reading from the client pauses. */
    static final int INPUT_HIGH_WATER = 64 * 1024;
    static final int INPUT_LOW_WATER = 16 * 1024;
    /** Output waiting for the client above which reading from the client pauses. */
    static final int OUTPUT_HIGH_WATER = 64 * 1024;
    static final int OUTPUT_LOW_WATER = 16 * 1024;
    /**
     * Input waiting for the handler past which the session is closed. Only reached on a transport
     * that cannot stop reading (a WebSocket container without a suspend call, once its parking
     * places are taken); everywhere else reading pauses at the high-water mark.
     */
    static final int INPUT_LIMIT = 1024 * 1024;

    /** What the transport should do now. */
    enum Change { NONE, PAUSE, RESUME }

    private Backpressure() {
    }

    /** What a session whose reading is {@code paused} or not should do with this much input and output waiting. */
    static Change decide(boolean paused, long inputBytes, long outputBytes) {
        if (!paused && (inputBytes > INPUT_HIGH_WATER || outputBytes > OUTPUT_HIGH_WATER)) {
            return Change.PAUSE;
        }
        if (paused && inputBytes <= INPUT_LOW_WATER && outputBytes <= OUTPUT_LOW_WATER) {
            return Change.RESUME;
        }
        return Change.NONE;
    }
}
