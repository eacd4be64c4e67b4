package io.chuk.protocol.session;

import io.chuk.protocol.api.Session;
/** Hears sessions start and end, on every transport (used by the monitor and by metrics). */
public interface SessionListener {
    default void sessionStarted(Session session) {
    }

    default void sessionEnded(Session session) {
    }
}
