package io.chuk.protocol.api;

/** A dialog or read could not complete because its session ended first. */
public final class SessionClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param sessionId the session that ended */
    public SessionClosedException(String sessionId) {
        super("session " + sessionId + " is closed");
    }
}
