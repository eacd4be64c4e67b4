package io.chuk.protocol.session;

import org.slf4j.MDC;

/**
 * The logging context every line of a session's callback carries: the MDC key
 * {@value #KEY} holds the session id while the callback runs. One key, because a callback runs
 * per message and every MDC key costs thread-local lookups on the way in and out; the session's
 * transport and client address are in its "opened" line, which carries the same id. A thread
 * that already had a session in its context (a callback run inside another's) gets it back.
 * Static: sessions are many, and the id is all it needs.
 */
final class SessionLogContext {

    static final String KEY = "session";

    private SessionLogContext() {
    }

    /** Puts the session on this thread's context; returns what {@link #restore} needs. */
    static String enter(String sessionId) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, sessionId);
        return previous;
    }

    /** Gives the thread back the context it had before {@link #enter}. */
    static void restore(String previous) {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
