package io.chuk.protocol.api;

import java.util.Set;

/**
 * A named group of sessions (a chat room, a game table), kept by the {@link SessionDirectory}. A
 * session leaves every room when it ends. Thread-safe.
 */
public interface Room {

    String name();

    /** Adds a live session; returns false if it was already a member or is not live. */
    boolean join(String sessionId);

    /** Removes a session; returns false if it was not a member. */
    boolean leave(String sessionId);

    /** The ids of the members, a snapshot. */
    Set<String> members();

    /** Sends a line to every member; returns how many it was sent to. */
    int broadcast(String line);

    /** Sends a line to every member but one (usually the sender); returns how many it was sent to. */
    int broadcastExcept(String exceptSessionId, String line);
}
