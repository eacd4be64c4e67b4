package io.chuk.protocol.war;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.metrics.SessionMetrics;
import io.chuk.protocol.recording.RecordingServlet;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.web.OperatorRoutes;
import io.chuk.protocol.web.OperatorServlet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;

/**
 * Maps the servlet the standalone server also uses ({@link OperatorServlet}) under the context
 * path. Every WebSocket entry shares the container's port here, so it serves one browser page at
 * the context root (that of the first {@code web_terminal} entry, a {@code ws_telnet} one before a
 * {@code websocket} one), the operator dashboard (and its recordings) of the first entry with the
 * monitor, and the metrics and health of the first entry that enables them.
 */
final class OperatorRegistration {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.war");

    private OperatorRegistration() {
    }

    static void register(ServletContext context, ProtocolRuntime runtime) {
        List<ServerConfig> entries = runtime.webSocketFactories().stream().map(SessionFactory::config).toList();
        OperatorRoutes routes = new OperatorRoutes();
        entries.stream().filter(ServerConfig::webTerminal)
                .min(Comparator.comparing(entry -> entry.transport() != Transport.WS_TELNET))
                .ifPresent(entry -> {
                    routes.pages(entry);
                    LOG.info("Browser page of '{}' at {}/", entry.name(), context.getContextPath());
                });
        entries.stream().filter(ServerConfig::enableMonitoring).findFirst().ifPresent(entry -> {
            routes.dashboard(entry, runtime.recorder().isPresent());
            LOG.info("Operator dashboard of '{}' at {}{}", entry.name(), context.getContextPath(), entry.dashboardPath());
            runtime.recorder().ifPresent(recorder -> {
                String recordings = OperatorRoutes.recordingsPath(entry);
                context.addServlet("chuk-recordings", new RecordingServlet(recorder.store(), entry.monitorToken()))
                        .addMapping(recordings + "/*");
            });
        });
        entries.stream().map(ServerConfig::observability).filter(o -> o.metrics() || o.health()).findFirst()
                .ifPresent(observability -> {
                    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                    SessionMetrics.bind(registry, runtime);
                    routes.observability(observability, registry, runtime::accepting);
                    LOG.info("Operator endpoints (metrics, health) registered under {}", context.getContextPath());
                });
        if (!routes.isEmpty()) {
            OperatorServlet servlet = routes.servlet();
            context.addServlet("chuk-operator", servlet).addMapping(servlet.urlPatterns().toArray(String[]::new));
        }
    }
}
