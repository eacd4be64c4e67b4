package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A {@link ServerConnector} (one acceptor, a selector per core) that rides out failing accepts, above all
 * running out of file descriptors. Jetty logs a stack trace for every failed accept; here the
 * acceptor retries every {@link #RETRY_PAUSE}, and the failures, and the accepts succeeding again
 * once descriptors free up, are each logged at most once per {@link #LOG_INTERVAL} (with the
 * number of failures), so the port serves again by itself and the log stays readable while a
 * limit flaps.
 */
public class RetryingServerConnector extends ServerConnector {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(60);
    /** Short, because the connections waiting in the listen backlog are served only after a retry. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");

    private final ThrottledLog failures = new ThrottledLog(LOG, Level.WARN, LOG_INTERVAL);
    private final ThrottledLog recoveries = new ThrottledLog(LOG, Level.INFO, LOG_INTERVAL);
    /** Touched by the single acceptor thread only. */
    private long failedInARow;

    /**
     * Selectors per connector: one per core, because reads, and the callbacks of handlers marked
     * non-blocking, run on them.
     */
    static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Jetty's task that sets up an accepted connection; package-private there, so known by name. */
    private static final String ACCEPT_TASK = "org.eclipse.jetty.io.ManagedSelector$Accept";
    /** Jetty's task that tears down a closed end point; known by name for the same reason. */
    private static final String DESTROY_TASK = "org.eclipse.jetty.io.ManagedSelector$DestroyEndPoint";

    public RetryingServerConnector(Server server, ConnectionFactory... factories) {
        super(server, 1, SELECTORS, factories);
    }

    /**
     * Each connection writes its output batch, one buffer, with a plain write, and reads once per
     * message, a short read taken as having drained the socket: see {@link SingleBufferEndPoint}.
     */
    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SingleBufferEndPoint endPoint = new SingleBufferEndPoint(channel, selector, key, getScheduler());
        endPoint.takeShortReadsAsDrained();
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    /**
     * Sets up each accepted connection on the selector thread that registered it, as Netty sets up
     * a channel on its event loop, instead of on a pool thread. Setting up is short and never blocks
     * here (end point, connection, admission; a handler that may block is made on its own executor),
     * and a burst of connects then does not grow the pool by a thread for each connect that finds
     * every pool thread busy. Tearing down closed connections goes through a {@link TeardownQueue},
     * a worker per selector at most, so that a burst of closes does not grow the pool either.
     */
    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        TeardownQueue teardowns = new TeardownQueue(executor, selectors);
        return new ServerConnectorManager(executor, scheduler, selectors) {
            @Override
            protected void execute(Runnable task) {
                String name = task.getClass().getName();
                if (name.equals(ACCEPT_TASK)) {
                    task.run();
                } else if (name.equals(DESTROY_TASK)) {
                    teardowns.execute(task);
                } else {
                    super.execute(task);
                }
            }
        };
    }

    /**
     * Jetty's accept, but the accepted socket's options are set through its channel: Jetty sets
     * them through {@link SocketChannel#socket()}, whose adaptor every connection then keeps for
     * its whole life (80 bytes each, with nothing else using it).
     */
    @Override
    public void accept(int acceptorID) throws IOException {
        if (getTransport() instanceof ServerSocketChannel acceptor && acceptor.isOpen()) {
            SocketChannel channel = acceptor.accept();
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, getAcceptedTcpNoDelay());
                if (getAcceptedReceiveBufferSize() > -1) {
                    channel.setOption(StandardSocketOptions.SO_RCVBUF, getAcceptedReceiveBufferSize());
                }
                if (getAcceptedSendBufferSize() > -1) {
                    channel.setOption(StandardSocketOptions.SO_SNDBUF, getAcceptedSendBufferSize());
                }
            } catch (IOException e) { // the client reset it already: close it, not leak its descriptor
                channel.close();
                LOG.debug("Accepted connection on '{}' failed before setup: {}", getName(), e.toString());
                return;
            }
            getSelectorManager().accept(channel);
        }
        if (failedInARow > 0 && isOpen()) {
            recoveries.log("Accepting connections on '" + getName() + "' again after " + failedInARow + " failed accepts");
            failedInARow = 0;
        }
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        if (!isRunning() || !isOpen() || !(failure instanceof IOException) || failure instanceof ClosedByInterruptException) {
            return super.handleAcceptFailure(failure); // stopping, or not a failure of the accept itself
        }
        failedInARow++;
        failures.log("Cannot accept connections on '" + getName() + "' (port " + getLocalPort() + "): " + failure
                + "; retrying every " + RETRY_PAUSE.toMillis() + " ms, reported at most once a minute");
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false; // the connector is stopping
        }
    }
}
