package io.chuk.protocol.tcp;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;

/**
 * A {@link ServerConnector} (one acceptor, one selector) that rides out failing accepts, above all
 * running out of file descriptors. Jetty logs a stack trace for every failed accept; here the
 * failures are logged once per {@link #LOG_INTERVAL} with their reason, the acceptor retries every
 * {@link #RETRY_PAUSE}, and once an accept succeeds again (descriptors freed up) that is logged
 * and the port serves as before, with nobody restarting anything.
 */
public class RetryingServerConnector extends ServerConnector {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(60);
    /** Short, because the connections waiting in the listen backlog are served only after a retry. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");

    private final ThrottledWarning failures = new ThrottledWarning(LOG, LOG_INTERVAL);
    /** Touched by the single acceptor thread only. */
    private boolean failing;

    public RetryingServerConnector(Server server, ConnectionFactory... factories) {
        super(server, 1, 1, factories);
    }

    @Override
    public void accept(int acceptorID) throws IOException {
        super.accept(acceptorID);
        if (failing && isOpen()) {
            failing = false;
            LOG.info("Accepting connections on '{}' again after {} failed accepts", getName(), failures.reset());
        }
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        if (!isRunning() || !isOpen() || !(failure instanceof IOException) || failure instanceof ClosedByInterruptException) {
            return super.handleAcceptFailure(failure); // stopping, or not a failure of the accept itself
        }
        failing = true;
        failures.warn("Cannot accept connections on '" + getName() + "' (port " + getLocalPort() + "): "
                + failure + "; retrying every " + RETRY_PAUSE.toMillis() + " ms");
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false; // the connector is stopping
        }
    }
}
