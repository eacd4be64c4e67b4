package io.chuk.protocol.api;

import java.util.List;
import java.util.Optional;

/**
 * The live sessions of the whole process, on every transport: the original's
 * {@code active_connections}, {@code get_connection_count}, {@code send_global_message} and
 * {@code get_server_info}, plus named rooms. Thread-safe; inject it ({@code @Inject
 * SessionDirectory}) or reach it from a handler as {@code directory()}.
 *
 * <p>A line sent to a session reaches its handler's {@code onNotice} in order with that session's
 * other callbacks, so a handler in the middle of a dialog or a half-typed line can show it without
 * garbling what its user types.
 */
public interface SessionDirectory {

    /** Every live session, a snapshot. */
    List<SessionInfo> sessions();

    /** One live session. */
    Optional<SessionInfo> find(String sessionId);

    /** How many sessions are live. */
    int count();

    /** Sends a line to one session; returns false if it is not live. */
    boolean sendLine(String sessionId, String line);

    /** Sends a line to every live session; returns how many it was sent to. */
    int broadcast(String line);

    /** Sends a line to every live session but one; returns how many it was sent to. */
    int broadcastExcept(String exceptSessionId, String line);

    /** The room of that name, made on first use. */
    Room room(String name);

    /** Uptime and counts. */
    ServerInfo serverInfo();
}
