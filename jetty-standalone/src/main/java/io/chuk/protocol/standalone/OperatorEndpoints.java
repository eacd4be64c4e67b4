package io.chuk.protocol.standalone;

import io.chuk.protocol.config.Observability;
import io.chuk.protocol.metrics.SessionMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The opt-in operator endpoints of a WebSocket entry's port: Prometheus text at
 * {@code metrics_path}, and {@code health_path} with {@code /live} (the process answers) and
 * {@code /ready} (the server accepts sessions; 503 while starting or draining).
 */
final class OperatorEndpoints extends Handler.Wrapper {

    private final Observability observability;
    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier ready;

    OperatorEndpoints(Handler next, Observability observability, PrometheusMeterRegistry registry, BooleanSupplier ready) {
        super(next);
        this.observability = observability;
        this.registry = registry;
        this.ready = ready;
    }

    /** The paths answered here. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        if (observability.metrics()) {
            paths.add(observability.metricsPath());
        }
        if (observability.health()) {
            String health = observability.healthPath();
            paths.addAll(List.of(health, health + "/ready", health + "/live"));
        }
        return paths;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (observability.metrics() && path.equals(observability.metricsPath())) {
            respond(response, callback, HttpStatus.OK_200, SessionMetrics.PROMETHEUS_TEXT, registry.scrape());
            return true;
        }
        String health = observability.healthPath();
        if (observability.health() && (path.equals(health) || path.equals(health + "/ready"))) {
            boolean up = ready.getAsBoolean();
            respond(response, callback, up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                    "application/json", SessionMetrics.health(up));
            return true;
        }
        if (observability.health() && path.equals(health + "/live")) {
            respond(response, callback, HttpStatus.OK_200, "application/json", SessionMetrics.UP);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static void respond(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    }
}
