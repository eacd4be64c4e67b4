package io.chuk.protocol.websocket;

import io.chuk.protocol.api.RequestInfo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a handler may read of a WebSocket handshake, whichever container adapter took it. */
public final class HandshakeInfo {

    private HandshakeInfo() {
    }

    /**
     * Path, query, parameters and headers (names in any case), without the framework's own secret
     * peer-address header ({@link PeerAddress#HEADER}). The subprotocol is filled in once agreed.
     */
    public static RequestInfo of(String path, String query, Map<String, List<String>> parameters,
                                 Map<String, List<String>> requestHeaders) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(PeerAddress.HEADER)) {
                headers.put(name, values);
            }
        });
        return new RequestInfo(path, query, parameters, headers, "");
    }
}
