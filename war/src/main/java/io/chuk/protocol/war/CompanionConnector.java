package io.chuk.protocol.war;

import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.runtime.ProtocolRuntime;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.tcp.RawConnectors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code tcp} and {@code telnet} entries of a WAR's configuration: a private Jetty {@link Server}
 * (bundled in the WAR, so it is the webapp's own copy on every container) holding one
 * {@link RawConnectors} connector per entry, inside the container's JVM. Its threads carry the
 * webapp class loader, so handlers and {@code CDI.current()} see the application's classes.
 */
final class CompanionConnector {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.war");

    private final ProtocolRuntime runtime;
    private final Server server;
    private final Map<String, ServerConnector> connectors = new LinkedHashMap<>();

    CompanionConnector(ProtocolRuntime runtime, ClassLoader webappLoader) {
        this.runtime = runtime;
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "chuk-war-tcp-" + count.incrementAndGet());
            thread.setContextClassLoader(webappLoader);
            return thread;
        };
        QueuedThreadPool pool = new QueuedThreadPool(50, 2, 60_000, -1, null, null, threads);
        server = new Server(pool, new ScheduledExecutorScheduler("chuk-war-tcp-scheduler", false, webappLoader), null);
        server.setStopAtShutdown(false); // the listener stops it with the application
        for (SessionFactory factory : runtime.rawSocketFactories()) {
            ServerConnector connector = RawConnectors.create(server, factory);
            server.addConnector(connector);
            connectors.put(factory.config().name(), connector);
        }
    }

    boolean isEmpty() {
        return connectors.isEmpty();
    }

    /** Opens every port, or throws naming the entry whose port could not be opened; nothing stays open after a failure. */
    void start(String source) throws Exception {
        try {
            server.start();
        } catch (IOException e) {
            String failed = connectors.entrySet().stream()
                    .filter(entry -> !entry.getValue().isOpen())
                    .map(entry -> "servers." + entry.getKey() + ".port")
                    .findFirst().orElse("port");
            stop();
            throw new ConfigException(source, failed, "cannot listen: " + e.getMessage());
        } catch (Exception e) {
            stop();
            throw e;
        }
        connectors.forEach((name, connector) -> {
            ServerConfig entry = runtime.factory(name).config();
            LOG.info("Companion {} server '{}' running on {}:{}{}", entry.transport().yamlName(), name,
                    entry.host(), connector.getLocalPort(), entry.useSsl() ? " (TLS)" : "");
        });
    }

    /** The ports actually bound, by entry name (useful with {@code port: 0}). */
    Map<String, Integer> localPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        connectors.forEach((name, connector) -> ports.put(name, connector.getLocalPort()));
        return ports;
    }

    /** Stops accepting; open connections stay so their sessions can still say goodbye. */
    void closeListeners() {
        connectors.values().forEach(ServerConnector::close);
    }

    /** Stops the server and its threads, closing whatever connections remain. */
    void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the companion connector failed", e);
        }
    }
}
