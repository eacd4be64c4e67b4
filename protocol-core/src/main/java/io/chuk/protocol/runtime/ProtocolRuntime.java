package io.chuk.protocol.runtime;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.cluster.Cluster;
import io.chuk.protocol.cluster.ClusterDirectory;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.monitor.SessionMonitor;
import io.chuk.protocol.recording.SessionRecorder;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionHost;
import io.chuk.protocol.websocket.MonitorEndpoint;
import io.chuk.protocol.websocket.SessionEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one configuration runs, independent of the container that hosts it: the session
 * host, a session factory per server entry, the process-wide monitor when an entry enables it,
 * the session recorder when an entry records, the cluster membership when the configuration has
 * a {@code cluster:} section, and the WebSocket endpoint registrations. The standalone launcher and the WAR both build one,
 * then attach the listeners their container provides.
 */
public final class ProtocolRuntime implements AutoCloseable {

    private final ProtocolConfig config;
    private final SessionHost host;
    private final SessionMonitor monitor;
    private final SessionRecorder recorder;
    private final Map<String, SessionFactory> factories = new LinkedHashMap<>();
    private final ClusterDirectory cluster;

    public ProtocolRuntime(ProtocolConfig config, HandlerFactory handlers) {
        this.config = config;
        this.host = new SessionHost(handlers);
        this.monitor = config.servers().stream().anyMatch(ServerConfig::enableMonitoring)
                ? new SessionMonitor(host.registry()) : null;
        this.recorder = SessionRecorder.forConfig(config).orElse(null);
        if (recorder != null) {
            host.registry().addListener(recorder);
        }
        for (ServerConfig entry : config.servers()) {
            factories.put(entry.name(), host.factoryFor(entry));
        }
        // Only a cluster: section looks the implementation up, so without one no client class loads.
        this.cluster = config.cluster()
                .map(settings -> Cluster.join(settings, ProtocolRuntime.class.getClassLoader())).orElse(null);
    }

    /** This process's cluster membership, when the configuration has a {@code cluster:} section. */
    public Optional<ClusterDirectory> cluster() {
        return Optional.ofNullable(cluster);
    }

    public ProtocolConfig config() {
        return config;
    }

    public SessionHost host() {
        return host;
    }

    public Optional<SessionMonitor> monitor() {
        return Optional.ofNullable(monitor);
    }

    /** The session recorder, when an entry sets {@code record_sessions}. */
    public Optional<SessionRecorder> recorder() {
        return Optional.ofNullable(recorder);
    }

    /** The session factory of a server entry. */
    public SessionFactory factory(String serverName) {
        SessionFactory factory = factories.get(serverName);
        if (factory == null) {
            throw new IllegalArgumentException("no server entry named '" + serverName + "'");
        }
        return factory;
    }

    /** Every entry's factory, in configuration order. */
    public List<SessionFactory> allFactories() {
        return List.copyOf(factories.values());
    }

    /** Whether every entry still accepts new sessions (false once a drain started). */
    public boolean accepting() {
        return factories.values().stream().allMatch(SessionFactory::isAccepting);
    }

    /** The entries served by raw socket connectors ({@code tcp}, {@code telnet}). */
    public List<SessionFactory> rawSocketFactories() {
        return factories.values().stream().filter(f -> !f.config().transport().isWebSocket()).toList();
    }

    /** The entries served as WebSocket endpoints ({@code websocket}, {@code ws_telnet}). */
    public List<SessionFactory> webSocketFactories() {
        return factories.values().stream().filter(f -> f.config().transport().isWebSocket()).toList();
    }

    /** The endpoint registrations of a WebSocket entry: its session endpoint, and its monitor if enabled. */
    public List<ServerEndpointConfig> endpointConfigs(SessionFactory factory) {
        List<ServerEndpointConfig> endpoints = new ArrayList<>();
        endpoints.add(SessionEndpoint.configFor(factory));
        monitorEndpointConfig(factory).ifPresent(endpoints::add);
        return endpoints;
    }

    /** The Jakarta endpoint of a WebSocket entry's monitor, when it has {@code enable_monitoring}. */
    public Optional<ServerEndpointConfig> monitorEndpointConfig(SessionFactory factory) {
        return factory.config().enableMonitoring()
                ? Optional.of(MonitorEndpoint.configFor(factory.config(), monitor)) : Optional.empty();
    }

    /** The longest {@code drain_timeout} of the entries: how long a stop waits for goodbyes. */
    public Duration drainTimeout() {
        return config.servers().stream().map(s -> s.limits().drainTimeout())
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /**
     * Graceful drain: every entry refuses new sessions at once, then every session is told
     * {@link io.chuk.protocol.handlers.BaseHandler#SHUTDOWN_MESSAGE} and closed, all in parallel, waiting at most {@code timeout}.
     * The caller stops its listeners first so nobody new connects.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        factories.values().forEach(SessionFactory::stopAccepting);
        return host.closeAllSessions(timeout);
    }

    @Override
    public void close() {
        if (cluster != null) {
            Cluster.leave(cluster);
        }
        if (monitor != null) {
            monitor.close();
        }
        if (recorder != null) {
            recorder.close(); // after the drain: every recording is finished and written out
        }
        host.close();
    }
}
