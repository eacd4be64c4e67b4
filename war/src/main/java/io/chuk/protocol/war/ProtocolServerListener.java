package io.chuk.protocol.war;

import io.chuk.protocol.cdi.CdiHandlerFactory;
import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ConfigException;
import io.chuk.protocol.config.ConfigLoader;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.runtime.ProtocolRuntime;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Starts the application when the WAR is deployed and stops it when it is undeployed: reads the
 * YAML ({@link ConfigLocation}), resolves handlers through CDI (Weld's listener, declared before
 * this one in {@code web.xml}, has booted the container), registers the WebSocket entries with the
 * container ({@link WebSocketEndpoints}) and opens the {@code tcp}/{@code telnet} entries on the
 * {@link CompanionConnector}.
 *
 * <p>A configuration error is logged with the same message as the standalone launcher's and fails
 * the deployment. On undeploy or container stop every session is told goodbye and every companion
 * port is closed, so a redeploy can bind them again at once.
 */
public final class ProtocolServerListener implements ServletContextListener {

    /** Servlet context attribute: {@code Map<String, Integer>} of companion entry name → bound port. */
    public static final String PORTS_ATTRIBUTE = "io.chuk.protocol.war.ports";

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.war");

    private ProtocolRuntime runtime;
    private CompanionConnector companion;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ConfigLocation location = ConfigLocation.resolve(context, System::getenv);
        LOG.info("Configuration: {}", location);
        try {
            start(context, location);
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            stop();
            throw new IllegalStateException(e.getMessage(), e);
        } catch (Exception e) {
            LOG.error("Cannot start the protocol server: {}", e.toString(), e);
            stop();
            throw new IllegalStateException("Cannot start the protocol server: " + e, e);
        }
    }

    private void start(ServletContext context, ConfigLocation location) throws Exception {
        ClassLoader webappLoader = context.getClassLoader();
        ProtocolConfig config = location.load(new ConfigLoader(webappLoader));
        HandlerFactory handlers = CdiHandlerFactory.ifAvailable().orElseThrow(() -> new IllegalStateException(
                "CDI is not available: Weld's servlet listener must be declared before this one in web.xml"));
        runtime = new ProtocolRuntime(config, handlers);
        new WebSocketEndpoints(context, runtime).register();
        OperatorRegistration.register(context, runtime);
        companion = new CompanionConnector(runtime, webappLoader);
        companion.start(config.source());
        context.setAttribute(PORTS_ATTRIBUTE, companion.localPorts());
        LOG.info("Protocol server started ({} server entries)", config.servers().size());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        LOG.info("Shutting down the protocol server");
        stop();
        LOG.info("Protocol server stopped");
    }

    private void stop() {
        if (companion != null) {
            companion.closeListeners();
        }
        if (runtime != null) {
            try {
                runtime.drain(runtime.drainTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (companion != null) {
            companion.stop();
            companion = null;
        }
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
