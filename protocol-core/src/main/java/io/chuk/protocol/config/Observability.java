package io.chuk.protocol.config;

/**
 * Opt-in HTTP endpoints of a WebSocket entry's port for operators: Prometheus metrics and health.
 * A view of the keys declared in {@link ServerKeys}, built by {@link ServerConfig}.
 *
 * @param metrics     {@code enable_metrics}: serve Prometheus text at {@code metrics_path}
 * @param metricsPath {@code metrics_path}
 * @param health      {@code enable_health}: serve {@code health_path}, {@code .../live} and {@code .../ready}
 * @param healthPath  {@code health_path}
 */
public record Observability(boolean metrics, String metricsPath, boolean health, String healthPath) {
}
