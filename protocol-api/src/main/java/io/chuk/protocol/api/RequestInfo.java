package io.chuk.protocol.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP request that opened a WebSocket session ({@code websocket} and {@code ws_telnet}), as
 * the handshake saw it: for authentication (a token in a header or the query) and routing. A
 * snapshot; it never changes during the session.
 *
 * @param path        the request path, without the query ({@code /ws})
 * @param query       the raw query string without {@code ?}, or {@code ""}
 * @param parameters  the decoded query parameters, each with its values in order
 * @param headers     the request headers, names matched without regard to case
 * @param subprotocol the WebSocket subprotocol agreed in the handshake, or {@code ""} for none
 */
public record RequestInfo(String path, String query, Map<String, List<String>> parameters,
                          Map<String, List<String>> headers, String subprotocol) {

    public RequestInfo {
        parameters = copy(parameters, new LinkedHashMap<>());
        headers = copy(headers, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        query = query == null ? "" : query;
        subprotocol = subprotocol == null ? "" : subprotocol;
    }

    /** The first value of a query parameter. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a header, the name matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> from, Map<String, List<String>> into) {
        if (from != null) {
            from.forEach((name, values) -> into.put(name, List.copyOf(values)));
        }
        return Collections.unmodifiableMap(into);
    }
}
