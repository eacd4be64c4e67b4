package io.chuk.protocol.api;

import java.time.Duration;

/** A dialog or read got no input within its timeout. */
public final class InputTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration timeout;

    /** @param timeout the timeout that passed without input */
    public InputTimeoutException(Duration timeout) {
        super("no input within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }
}
