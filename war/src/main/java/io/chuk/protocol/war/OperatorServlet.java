package io.chuk.protocol.war;

import io.chuk.protocol.config.Observability;
import io.chuk.protocol.metrics.SessionMetrics;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The WAR's opt-in operator endpoints, under the context path: Prometheus text at
 * {@code metrics_path}, and {@code health_path} with {@code /live} and {@code /ready} (503 while
 * draining). The same meters and answers as the standalone server's.
 */
final class OperatorServlet extends HttpServlet {

    private final Observability observability;
    private final PrometheusMeterRegistry registry;
    private final ProtocolRuntime runtime;

    private OperatorServlet(Observability observability, PrometheusMeterRegistry registry, ProtocolRuntime runtime) {
        this.observability = observability;
        this.registry = registry;
        this.runtime = runtime;
    }

    /** Registers the endpoints of the first WebSocket entry that enables any of them; returns whether one did. */
    static boolean register(ServletContext context, ProtocolRuntime runtime) {
        Observability observability = runtime.webSocketFactories().stream()
                .map(f -> f.config().observability())
                .filter(o -> o.metrics() || o.health())
                .findFirst().orElse(null);
        if (observability == null) {
            return false;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        SessionMetrics.bind(registry, runtime);
        ServletRegistration.Dynamic servlet = context.addServlet("chuk-operator",
                new OperatorServlet(observability, registry, runtime));
        if (observability.metrics()) {
            servlet.addMapping(observability.metricsPath());
        }
        if (observability.health()) {
            String health = observability.healthPath();
            servlet.addMapping(health, health + "/live", health + "/ready");
        }
        return true;
    }

    /** {@code GET} and {@code HEAD} only: HttpServlet would also answer {@code OPTIONS} and {@code TRACE}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String health = observability.healthPath();
        if (observability.metrics() && path.equals(observability.metricsPath())) {
            respond(response, HttpServletResponse.SC_OK, SessionMetrics.PROMETHEUS_TEXT, registry.scrape());
        } else if (path.equals(health + "/live")) {
            respond(response, HttpServletResponse.SC_OK, "application/json", SessionMetrics.UP);
        } else {
            boolean up = runtime.accepting();
            respond(response, up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "application/json", SessionMetrics.health(up));
        }
    }

    private static void respond(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
