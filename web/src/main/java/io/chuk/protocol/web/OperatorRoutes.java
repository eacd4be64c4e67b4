package io.chuk.protocol.web;

import io.chuk.protocol.config.Observability;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.metrics.SessionMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The route table of one {@link OperatorServlet}: path (in the context) → what it serves. Pages
 * and assets are static resources keyed by path, so another page is one more {@link #add} line.
 */
public final class OperatorRoutes {

    private final Map<String, Route> routes = new LinkedHashMap<>();

    /**
     * The browser page of a {@code web_terminal} entry at {@code /}: the xterm.js terminal for
     * {@code ws_telnet}, the line page for {@code websocket}; nothing otherwise.
     */
    public OperatorRoutes pages(ServerConfig entry) {
        if (!entry.transport().isWebSocket() || !entry.webTerminal()) {
            return this;
        }
        Map<String, String> values = Map.of("WS_PATH", entry.wsPath(), "SERVER", entry.name());
        add("/page.css", StaticResource.of("page.css", StaticResource.CSS));
        add("/connection.js", StaticResource.of("connection.js", StaticResource.JAVASCRIPT));
        if (entry.transport() == Transport.WS_TELNET) {
            add("/", StaticResource.page("terminal.html", values));
            add("/terminal.js", StaticResource.of("terminal.js", StaticResource.JAVASCRIPT));
            add("/telnet-client.js", StaticResource.of("telnet-client.js", StaticResource.JAVASCRIPT));
            add("/vendor/xterm.js", StaticResource.of("vendor/xterm.js", StaticResource.JAVASCRIPT));
            add("/vendor/xterm.css", StaticResource.of("vendor/xterm.css", StaticResource.CSS));
            add("/vendor/addon-fit.js", StaticResource.of("vendor/addon-fit.js", StaticResource.JAVASCRIPT));
        } else {
            add("/", StaticResource.page("line.html", values));
            add("/line.js", StaticResource.of("line.js", StaticResource.JAVASCRIPT));
        }
        return this;
    }

    /**
     * The operator dashboard of an entry with the monitor, at its {@code dashboard_path}, with its
     * assets under that path (so they never clash with the terminal page's at {@code /}). The
     * page learns the monitor path, whether a token is needed and whether there are recordings
     * ({@link #recordingsPath}, served by the host's {@code RecordingServlet}) from its values.
     */
    public OperatorRoutes dashboard(ServerConfig entry, boolean recordings) {
        if (!entry.transport().isWebSocket() || !entry.enableMonitoring()) {
            return this;
        }
        String path = entry.dashboardPath();
        String prefix = assetPrefix(entry);
        Map<String, String> values = Map.of("MONITOR_PATH", entry.monitorPath(), "DASHBOARD_PATH", path,
                "TOKEN", entry.monitorToken() != null ? "required" : "none",
                "RECORDINGS", recordings ? recordingsPath(entry) : "",
                "ASSETS", path.equals("/") ? "." : path.substring(path.lastIndexOf('/') + 1), "SERVER", entry.name());
        add(path, StaticResource.page("dashboard.html", values));
        add(prefix + "/dashboard.js", StaticResource.of("dashboard.js", StaticResource.JAVASCRIPT));
        add(prefix + "/dashboard.css", StaticResource.of("dashboard.css", StaticResource.CSS));
        add(prefix + "/vendor/xterm.js", StaticResource.of("vendor/xterm.js", StaticResource.JAVASCRIPT));
        add(prefix + "/vendor/xterm.css", StaticResource.of("vendor/xterm.css", StaticResource.CSS));
        add(prefix + "/vendor/asciinema-player.min.js",
                StaticResource.of("vendor/asciinema-player.min.js", StaticResource.JAVASCRIPT));
        add(prefix + "/vendor/asciinema-player.css", StaticResource.of("vendor/asciinema-player.css", StaticResource.CSS));
        return this;
    }

    /** Where the dashboard's recordings are listed ({@code <dashboard_path>/recordings}, files below it). */
    public static String recordingsPath(ServerConfig entry) {
        return assetPrefix(entry) + "/recordings";
    }

    private static String assetPrefix(ServerConfig entry) {
        return entry.dashboardPath().equals("/") ? "" : entry.dashboardPath();
    }

    /**
     * Prometheus text at {@code metrics_path} and {@code health_path} with {@code /live} (the
     * process answers) and {@code /ready} ({@code ready}: 503 while starting or draining), as enabled.
     */
    public OperatorRoutes observability(Observability observability, PrometheusMeterRegistry registry,
                                        BooleanSupplier ready) {
        if (observability.metrics()) {
            add(observability.metricsPath(), (request, response) -> Route.respond(response, HttpServletResponse.SC_OK,
                    SessionMetrics.PROMETHEUS_TEXT, registry.scrape()));
        }
        if (observability.health()) {
            Route readiness = (request, response) -> {
                boolean up = ready.getAsBoolean();
                Route.respond(response, up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "application/json", SessionMetrics.health(up));
            };
            String health = observability.healthPath();
            add(health, readiness);
            add(health + "/ready", readiness);
            add(health + "/live", (request, response) -> Route.respond(response, HttpServletResponse.SC_OK,
                    "application/json", SessionMetrics.UP));
        }
        return this;
    }

    /** Serves {@code route} at {@code path}; a path can have one route only. */
    public OperatorRoutes add(String path, Route route) {
        if (routes.putIfAbsent(path, route) != null) {
            throw new IllegalArgumentException("two routes for the path " + path);
        }
        return this;
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    public OperatorServlet servlet() {
        return new OperatorServlet(routes);
    }
}
