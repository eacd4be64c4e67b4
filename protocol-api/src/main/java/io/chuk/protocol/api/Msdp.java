package io.chuk.protocol.api;

import java.util.Set;

/**
 * MSDP (telnet option 69) of one session: variables the handler publishes and the client reads
 * with {@code LIST}, {@code SEND} and {@code REPORT}. A reported variable is sent again each time
 * {@link #set} changes it. Values the client sends that are not commands reach the handler's
 * {@code onMsdp}. Present on every session; it only talks once a telnet client agreed to MSDP.
 */
public interface Msdp {

    /** Whether the client agreed to MSDP. */
    boolean enabled();

    /**
     * Publishes a variable: a {@code String}, {@code Number} or {@code Boolean} (sent as text),
     * a {@code List} (an MSDP array) or a {@code Map} (an MSDP table), nested freely. Sent at
     * once if the client reports it and the value changed.
     *
     * @throws IllegalArgumentException for a blank or non-printable name or a value of another type
     */
    void set(String name, Object value);

    /** The names the handler has published. */
    Set<String> variables();

    /** The names the client asked to have reported. */
    Set<String> reported();

    /** MSDP of a session that has none (not telnet): never enabled, keeps nothing. */
    static Msdp none() {
        return NoMudProtocols.MSDP;
    }
}
