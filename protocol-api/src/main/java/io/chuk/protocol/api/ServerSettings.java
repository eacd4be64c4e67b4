package io.chuk.protocol.api;

import java.time.Duration;

/**
 * The settings of the server entry a session belongs to, as far as a handler may read them: the
 * YAML keys of that entry (see the README's configuration table). Read-only.
 */
public interface ServerSettings {

    /** The entry's name under {@code servers:} (the transport name in the single-server form). */
    String name();

    /** {@code host}: the bind address. */
    String host();

    /** {@code port}: the configured listen port (0 when the system chose one). */
    int port();

    /** {@code transport}. */
    Transport transport();

    /** {@code welcome_message}, or {@code null} when unset. */
    String welcomeMessage();

    /** {@code max_line_length}: the longest input line in bytes. */
    int maxLineLength();

    /** {@code max_connections}: concurrent sessions of this entry, 0 = unlimited. */
    int maxConnections();

    /** {@code connection_timeout}: idle time before a session is closed, zero = never. */
    Duration connectionTimeout();
}
