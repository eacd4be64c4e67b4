package io.chuk.protocol.standalone;

import io.chuk.protocol.cdi.CdiHandlerFactory;
import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.monitor.SessionMonitor;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionHost;
import io.chuk.protocol.tcp.RawConnectors;
import io.chuk.protocol.tcp.ReadingThreads;
import io.chuk.protocol.metrics.SessionMetrics;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.chuk.protocol.recording.RecordingServlet;
import io.chuk.protocol.web.MonitorTokenFilter;
import io.chuk.protocol.web.OperatorRoutes;
import io.chuk.protocol.web.OperatorServlet;
import jakarta.servlet.DispatcherType;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import io.chuk.protocol.tcp.TlsContexts;
import org.eclipse.jetty.http.HttpVersion;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone server: Weld SE for the handlers, then one embedded Jetty holding an HTTP
 * connector per WebSocket server entry and a raw connector per {@code tcp}/{@code telnet} entry.
 */
public final class StandaloneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");
    /** Jetty's own pool defaults, spelled out because the pool is built with our thread factory. */
    private static final int JETTY_MAX_THREADS = 200;
    private static final int JETTY_MIN_THREADS = 8;
    private static final int JETTY_IDLE_MILLIS = 60_000;

    private final ProtocolConfig config;
    private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();
    private WeldContainer weld;
    private ProtocolRuntime runtime;
    private PrometheusMeterRegistry meters;
    private Server server;

    public StandaloneServer(ProtocolConfig config) {
        this.config = config;
    }

    /**
     * Starts everything, or throws with a message naming the entry that failed (for example a
     * port already in use); nothing is left running after a failure.
     */
    public void start() throws ConfigException, Exception {
        weld = new Weld().skipShutdownHook().initialize();
        runtime = new ProtocolRuntime(config, new CdiHandlerFactory(weld.getBeanManager()));
        if (config.servers().stream().anyMatch(s -> s.observability().metrics())) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SessionMetrics.bind(meters, runtime);
        }

        QueuedThreadPool threads = new QueuedThreadPool(JETTY_MAX_THREADS, JETTY_MIN_THREADS, JETTY_IDLE_MILLIS, -1,
                null, null, ReadingThreads.named("chuk-jetty"));
        threads.setName("chuk-jetty");
        server = new Server(threads);
        server.setStopAtShutdown(false);
        Handler.Sequence routes = new Handler.Sequence();
        server.setHandler(routes);

        for (ServerConfig entry : config.servers()) {
            SessionFactory factory = runtime.factory(entry.name());
            ServerConnector connector = entry.transport().isWebSocket()
                    ? webSocketConnector(entry, factory, routes)
                    : RawConnectors.create(server, factory);
            server.addConnector(connector);
            connectors.put(entry.name(), connector);
        }
        try {
            server.start();
        } catch (IOException e) {
            String failed = failedEntry();
            close();
            throw new ConfigException(config.source(), failed, "cannot listen: " + e.getMessage());
        } catch (Exception e) {
            close();
            throw e;
        }
        for (ServerConfig entry : config.servers()) {
            int port = connectors.get(entry.name()).getLocalPort();
            String where = entry.host() + ":" + port;
            switch (entry.transport()) {
                case TELNET -> LOG.info("Telnet server '{}' running on {}{}", entry.name(), where, entry.useSsl() ? " (TLS)" : "");
                case TCP -> LOG.info("TCP server '{}' running on {}{}", entry.name(), where, entry.useSsl() ? " (TLS)" : "");
                case WEBSOCKET, WS_TELNET -> {
                    String scheme = entry.useSsl() ? "wss" : "ws";
                    LOG.info("WebSocket server '{}' ({}) running on {}://{}{}",
                            entry.name(), entry.transport(), scheme, where, entry.wsPath());
                    if (entry.enableMonitoring()) {
                        LOG.info("Session monitor of '{}' on {}://{}{}{}", entry.name(), scheme, where, entry.monitorPath(),
                                entry.monitorToken() != null ? " (token required)" : "");
                    }
                }
            }
        }
    }

    private ServerConnector webSocketConnector(ServerConfig entry, SessionFactory factory, Handler.Sequence routes) {
        ServerConnector connector;
        if (entry.useSsl()) {
            HttpConfiguration https = new HttpConfiguration();
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new WebSocketServerConnector(server,
                    TlsContexts.connectionFactory(entry, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
        } else {
            connector = new WebSocketServerConnector(server, new HttpConnectionFactory());
        }
        connector.setName("http-" + entry.name());
        connector.setHost(entry.host());
        connector.setPort(entry.port());
        connector.setReuseAddress(true);
        PendingConnections pending = new PendingConnections(entry.name(), entry.limits().maxPendingConnections(),
                entry.limits().requestHeaderTimeout(), connector.getScheduler());
        connector.addBean(pending);
        routes.addHandler(new EntryRoute(connector, pending.watch(entryHandlers(entry, factory))));
        return connector;
    }

    /**
     * The handlers of one WebSocket entry: the session upgrade ({@link CoreWebSockets}) in front of
     * the servlet context with the monitor's endpoint, the monitor token filter, the operator
     * servlet (pages, dashboard, metrics, health) and the dashboard's recordings, behind the list
     * of the paths it serves.
     */
    private Handler entryHandlers(ServerConfig entry, SessionFactory factory) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Map<String, List<String>> methods = new HashMap<>();
        methods.put(entry.wsPath(), PathAllowList.WEBSOCKET);
        if (entry.enableMonitoring()) {
            methods.put(entry.monitorPath(), PathAllowList.WEBSOCKET);
        }
        OperatorRoutes routes = new OperatorRoutes().pages(entry).dashboard(entry, runtime.recorder().isPresent())
                .observability(entry.observability(), meters, () -> server != null && server.isStarted() && runtime.accepting());
        if (!routes.isEmpty()) {
            OperatorServlet operator = routes.servlet();
            ServletHolder holder = new ServletHolder("chuk-operator", operator);
            operator.urlPatterns().forEach(pattern -> context.addServlet(holder, pattern));
            operator.paths().forEach(path -> methods.put(path, OperatorServlet.METHODS));
        }
        Map<String, List<String>> trees = new HashMap<>();
        if (entry.enableMonitoring() && runtime.recorder().isPresent()) {
            String recordings = OperatorRoutes.recordingsPath(entry);
            context.addServlet(new ServletHolder("chuk-recordings",
                    new RecordingServlet(runtime.recorder().get().store(), entry.monitorToken())), recordings + "/*");
            trees.put(recordings, List.of("GET")); // RecordingServlet answers GET only
        }
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            Optional<ServerEndpointConfig> monitor = runtime.monitorEndpointConfig(factory);
            if (monitor.isPresent()) {
                container.addEndpoint(monitor.get());
            }
            if (entry.enableMonitoring() && entry.monitorToken() != null) {
                // isMatchAfter=false: ahead of the WebSocket upgrade filter, which is in place by now.
                servletContext.addFilter("chuk-monitor-token", new MonitorTokenFilter(entry.monitorToken()))
                        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, entry.monitorPath());
            }
        });
        return new PathAllowList(CoreWebSockets.inFrontOf(context, factory), methods, trees);
    }

    private String failedEntry() {
        return connectors.entrySet().stream()
                .filter(e -> !e.getValue().isOpen())
                .map(e -> "servers." + e.getKey() + ".port")
                .findFirst().orElse("port");
    }

    /** The port a server entry actually listens on (useful with {@code port: 0}). */
    public int localPort(String serverName) {
        ServerConnector connector = connectors.get(serverName);
        if (connector == null) {
            throw new IllegalArgumentException("no server entry named '" + serverName + "'");
        }
        return connector.getLocalPort();
    }

    /** The open connections of a server entry's listener; for tests. */
    Collection<EndPoint> connectedEndPoints(String serverName) {
        return connectors.get(serverName).getConnectedEndPoints();
    }

    public SessionHost sessionHost() {
        return runtime.host();
    }

    /** The process-wide session monitor, when an entry enables it. */
    public Optional<SessionMonitor> monitor() {
        return runtime.monitor();
    }

    /** The session recorder, when an entry sets {@code record_sessions}. */
    public Optional<io.chuk.protocol.recording.SessionRecorder> recorder() {
        return runtime.recorder();
    }

    /**
     * Graceful stop: every entry stops accepting at once, every session is told goodbye and
     * closed in parallel (waiting at most {@code drain_timeout} for output to flush), then Jetty stops.
     */
    public void stop() throws Exception {
        if (server != null) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.close(); // stop accepting; open connections stay for the goodbye
                }
            }
        }
        if (runtime != null) {
            runtime.drain(runtime.drainTimeout());
        }
        close();
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Stopping Jetty failed", e);
            }
            server = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
        if (weld != null) {
            weld.shutdown();
            weld = null;
        }
    }
}
