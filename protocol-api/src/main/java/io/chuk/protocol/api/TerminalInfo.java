package io.chuk.protocol.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client told us about its terminal, as one immutable snapshot.
 *
 * <p>A record rather than live getters so a handler (possibly on another thread than the one
 * feeding the engine) can keep and show a consistent view without racing the parser.
 *
 * @param terminalType  the first name the client reported for TTYPE (its preferred one), or {@code null}
 * @param terminalTypes every distinct name seen while cycling (MTTS), first one first
 * @param width         columns, from NAWS; 80 until reported
 * @param height        rows, from NAWS; 24 until reported
 * @param environment   NEW-ENVIRON variables (VAR and USERVAR alike), in arrival order
 * @param charset       the character set agreed through CHARSET, or {@code null}
 */
public record TerminalInfo(String terminalType, List<String> terminalTypes, int width, int height,
                           Map<String, String> environment, String charset) {

    public TerminalInfo {
        terminalTypes = List.copyOf(terminalTypes);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
