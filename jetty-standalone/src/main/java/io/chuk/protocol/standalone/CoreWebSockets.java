package io.chuk.protocol.standalone;

import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.websocket.AllowedOrigins;
import io.chuk.protocol.websocket.HandshakeInfo;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a WebSocket entry's {@code ws_path} on Jetty's core WebSocket API
 * ({@link CoreSessionEndpoint}) in place of the portable Jakarta endpoint that the WAR uses:
 * the upgrade still goes through the entry's servlet context and its WebSocket upgrade filter,
 * with the same checks ({@code allow_origins} before the upgrade, HTTP 403 otherwise) and the
 * same handshake record for handlers, but each session then costs what Jetty's core costs, not
 * the Jakarta layer's per-session machinery as well.
 */
final class CoreWebSockets {

    private CoreWebSockets() {
    }

    /** Replaces the Jakarta endpoint registered at the entry's {@code ws_path} with the core one. */
    static void install(ContextHandler context, SessionFactory factory) {
        String path = factory.config().wsPath();
        WebSocketMappings mappings = WebSocketMappings.getMappings(context);
        PathSpec spec = new UriTemplatePathSpec(path);
        if (mappings == null || mappings.getWebSocketNegotiator(spec) == null) {
            throw new IllegalStateException("no WebSocket endpoint registered at " + path);
        }
        mappings.removeMapping(spec);
        mappings.addMapping(spec, new Negotiator(factory));
    }

    /** Checks a handshake's origin and hands the connection to a new {@link CoreSessionEndpoint}. */
    private static final class Negotiator extends WebSocketNegotiator.AbstractNegotiator {
        private final SessionFactory factory;
        private final AllowedOrigins origins;

        Negotiator(SessionFactory factory) {
            this.factory = factory;
            this.origins = new AllowedOrigins(factory.config().allowOrigins(), true);
        }

        @Override
        public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
            if (!origins.admits(request.getHeaders().get(HttpHeader.ORIGIN))) {
                Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "Origin not allowed");
                return null;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
            }
            Fields query = Request.extractQueryParameters(request);
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            query.forEach(field -> parameters.put(field.getName(), List.copyOf(field.getValues())));
            String forwarded = String.join(",", request.getHeaders().getValuesList("X-Forwarded-For"));
            return new CoreSessionEndpoint(factory,
                    HandshakeInfo.of(request.getHttpURI().getPath(), request.getHttpURI().getQuery(), parameters, headers),
                    forwarded.isEmpty() ? null : forwarded);
        }
    }
}
