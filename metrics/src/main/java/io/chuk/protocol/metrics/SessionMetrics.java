package io.chuk.protocol.metrics;

import io.chuk.protocol.directory.ActiveDirectory;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Publishes every server entry's {@link SessionStatistics} as Micrometer meters, tagged with the
 * entry's {@code server} name and {@code transport}. Meters read the counters when scraped, so
 * the session paths pay nothing for them.
 */
public final class SessionMetrics {

    /** The body of a healthy {@code /health} answer. */
    public static final String UP = "{\"status\": \"UP\"}";
    /** The body of an unhealthy one (starting or draining). */
    public static final String DOWN = "{\"status\": \"DOWN\"}";
    /** The content type of Prometheus' text format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private SessionMetrics() {
    }

    /**
     * The body of a {@code /health} or {@code /health/ready} answer: {@link #UP} or {@link #DOWN},
     * with the cluster's state when the process is in one ({@code "cluster": "DEGRADED"} while
     * Redis does not answer: the node still serves its own sessions, so its status stays up).
     */
    public static String health(boolean up) {
        String status = up ? "UP" : "DOWN";
        return ActiveDirectory.clusterStatus()
                .map(cluster -> "{\"status\": \"" + status + "\", \"cluster\": \"" + cluster + "\"}")
                .orElse(up ? UP : DOWN);
    }

    /** Registers the meters of every server entry of {@code runtime}. */
    public static void bind(MeterRegistry registry, ProtocolRuntime runtime) {
        for (SessionFactory factory : runtime.allFactories()) {
            SessionStatistics stats = factory.statistics();
            Tags tags = Tags.of("server", factory.config().name(), "transport", factory.config().transport().yamlName());
            Gauge.builder("chuk.sessions.active", factory, SessionFactory::activeCount)
                    .description("Sessions open now").tags(tags).register(registry);
            FunctionCounter.builder("chuk.sessions.opened", stats, SessionStatistics::opened)
                    .description("Sessions opened since start").tags(tags).register(registry);
            FunctionCounter.builder("chuk.bytes.received", stats, SessionStatistics::bytesIn)
                    .description("Bytes received from clients").baseUnit("bytes").tags(tags).register(registry);
            FunctionCounter.builder("chuk.bytes.sent", stats, SessionStatistics::bytesOut)
                    .description("Bytes written to clients").baseUnit("bytes").tags(tags).register(registry);
            FunctionCounter.builder("chuk.handler.errors", stats, SessionStatistics::handlerErrors)
                    .description("Handler callbacks that threw").tags(tags).register(registry);
            Gauge.builder("chuk.output.queued", factory, SessionFactory::queuedOutputBytes)
                    .description("Output waiting for clients").baseUnit("bytes").tags(tags).register(registry);
            for (SessionStatistics.Refusal reason : SessionStatistics.Refusal.values()) {
                FunctionCounter.builder("chuk.connections.refused", stats, s -> s.refused(reason))
                        .description("Connections refused, by reason")
                        .tags(tags.and("reason", reason.name().toLowerCase(java.util.Locale.ROOT)))
                        .register(registry);
            }
            if (factory.config().transport().speaksTelnet()) {
                FunctionCounter.builder("chuk.telnet.sessions", stats, SessionStatistics::telnetNegotiated)
                        .description("Ended telnet sessions by negotiation outcome")
                        .tags(tags.and("outcome", "negotiated")).register(registry);
                FunctionCounter.builder("chuk.telnet.sessions", stats, SessionStatistics::telnetRaw)
                        .description("Ended telnet sessions by negotiation outcome")
                        .tags(tags.and("outcome", "raw")).register(registry);
            }
        }
    }
}
