package io.chuk.protocol.war;

import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.web.MonitorTokenFilter;
import io.chuk.protocol.websocket.MonitorEndpoint;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Registers the {@code websocket} and {@code ws_telnet} entries of a configuration with the
 * container's Jakarta WebSocket {@link ServerContainer}, under the WAR's context path. The
 * endpoints are {@link ProtocolRuntime#endpointConfigs the same ones} the standalone server uses.
 *
 * <p>In a WAR every WebSocket entry shares the container's HTTP port, so the YAML's {@code host},
 * {@code port} and {@code use_ssl} of those entries are ignored (with a warning), and two entries
 * may not use the same path. Entries that enable the monitor on the same path share it (the
 * monitor covers every session anyway) when their {@code monitor_token} and {@code allow_origins}
 * agree.
 */
final class WebSocketEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.war");

    private final ServletContext context;
    private final ProtocolRuntime runtime;
    /** Path → the entry that registered it. */
    private final Map<String, ServerConfig> owners = new LinkedHashMap<>();

    WebSocketEndpoints(ServletContext context, ProtocolRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    void register() throws ConfigException, DeploymentException {
        if (runtime.webSocketFactories().isEmpty()) {
            return;
        }
        ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        if (container == null) {
            throw new IllegalStateException("the servlet container offers no Jakarta WebSocket server"
                    + " (on jetty-home enable the module ee10-websocket-jakarta)");
        }
        for (SessionFactory factory : runtime.webSocketFactories()) {
            ServerConfig entry = factory.config();
            LOG.warn("Server '{}': host {}, port {}{} from the YAML are ignored in a WAR; the container's"
                    + " HTTP connector serves it", entry.name(), entry.host(), entry.port(), entry.useSsl() ? " and use_ssl" : "");
            for (ServerEndpointConfig endpoint : runtime.endpointConfigs(factory)) {
                if (claim(entry, endpoint)) {
                    container.addEndpoint(endpoint);
                    logEndpoint(entry, endpoint);
                }
            }
        }
    }

    /** Whether {@code endpoint} still needs registering; fails if its path belongs to an incompatible entry. */
    private boolean claim(ServerConfig entry, ServerEndpointConfig endpoint) throws ConfigException {
        boolean monitor = endpoint.getEndpointClass() == MonitorEndpoint.class;
        String path = endpoint.getPath();
        ServerConfig owner = owners.get(path);
        if (owner == null) {
            owners.put(path, entry);
            if (monitor && entry.monitorToken() != null) {
                guard(path, entry.monitorToken());
            }
            FilterRegistration.Dynamic peer = context.addFilter("chuk-peer-address" + path, new PeerAddressFilter());
            peer.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, path);
            return true;
        }
        boolean sharedMonitor = monitor && path.equals(owner.monitorPath()) && owner.enableMonitoring()
                && Objects.equals(owner.monitorToken(), entry.monitorToken())
                && owner.allowOrigins().equals(entry.allowOrigins());
        if (sharedMonitor) {
            return false;
        }
        String key = "servers." + entry.name() + (monitor ? ".monitor_path" : ".ws_path");
        throw new ConfigException(runtime.config().source(), key, "path " + path + " is already used by server '"
                + owner.name() + "'" + (monitor ? " with another monitor_token or allow_origins" : "")
                + "; in a WAR all WebSocket entries share the container's port, so each needs its own path");
    }

    private void guard(String path, String token) {
        FilterRegistration.Dynamic filter = context.addFilter("chuk-monitor-token" + path, new MonitorTokenFilter(token));
        // isMatchAfter=false: ahead of the filters already mapped, including the container's upgrade filter.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, path);
    }

    private void logEndpoint(ServerConfig entry, ServerEndpointConfig endpoint) {
        String where = context.getContextPath() + endpoint.getPath();
        if (endpoint.getEndpointClass() == MonitorEndpoint.class) {
            LOG.info("Session monitor of '{}' at {}{}", entry.name(), where,
                    entry.monitorToken() != null ? " (token required)" : "");
        } else {
            LOG.info("WebSocket server '{}' ({}) at {}", entry.name(), entry.transport().yamlName(), where);
        }
    }
}
