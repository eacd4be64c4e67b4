package io.chuk.protocol.standalone;

import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.websocket.AllowedOrigins;
import io.chuk.protocol.websocket.HandshakeInfo;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a WebSocket entry's {@code ws_path} on Jetty's core WebSocket API
 * ({@link CoreSessionEndpoint}) in place of the portable Jakarta endpoint that the WAR uses, with
 * the same checks ({@code allow_origins} before the upgrade, HTTP 403 otherwise) and the same
 * handshake record for handlers. Each session then costs what Jetty's core costs, not the
 * Jakarta layer's per-session machinery as well.
 *
 * <p>The upgrade is a core handler in front of the entry's servlet context, not inside it: Jetty
 * runs every frame of a session in the scope of the context that upgraded it, and a servlet
 * context's scope (its class loader and context thread-locals, set and reset per frame) is work
 * a session's frames do not need. The monitor and the operator pages stay in the context.
 */
final class CoreWebSockets {

    private CoreWebSockets() {
    }

    /** Upgrades requests for the entry's {@code ws_path} and hands every other request to {@code next}. */
    static Handler inFrontOf(Handler next, SessionFactory factory) {
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler();
        upgrade.addMapping(new UriTemplatePathSpec(factory.config().wsPath()), new Negotiator(factory));
        upgrade.setHandler(next);
        return upgrade;
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
