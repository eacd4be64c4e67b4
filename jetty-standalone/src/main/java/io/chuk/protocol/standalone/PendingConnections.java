package io.chuk.protocol.standalone;

import io.chuk.protocol.tcp.ThrottledLog;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the HTTP connections of one WebSocket entry's port that are not WebSocket sessions (yet):
 * at most {@code max_pending_connections} at once, a new one past that is closed at once; and each
 * must deliver a complete request header within {@code request_header_timeout} of opening, or of
 * its previous request ending, else it is closed. The connector's idle timeout cannot do the
 * latter, since every byte restarts it: a client sending a byte a second would keep its socket.
 *
 * <p>Registered on the connector as a {@link Connection.Listener}, it sees each HTTP connection
 * open and close; a WebSocket upgrade closes the HTTP connection, so upgraded sessions leave the
 * count (they have their own limits). The handler from {@link #watch} reports request headers.
 */
final class PendingConnections implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");
    private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(60);

    private final String entry;
    private final int max;
    private final long headerTimeoutMillis;
    private final Scheduler scheduler;
    private final AtomicInteger count = new AtomicInteger();
    private final Map<Connection, Deadline> pending = new ConcurrentHashMap<>();
    private final ThrottledLog refusals = new ThrottledLog(LOG, Level.WARN, REFUSAL_LOG_INTERVAL);

    /**
     * @param max           the cap, 0 = none
     * @param headerTimeout zero = no deadline
     */
    PendingConnections(String entry, int max, Duration headerTimeout, Scheduler scheduler) {
        this.entry = entry;
        this.max = max;
        this.headerTimeoutMillis = headerTimeout.toMillis();
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection instanceof ConnectionMetaData)) {
            return; // the TLS layer under an HTTP connection, or a WebSocket connection after the upgrade
        }
        if (count.incrementAndGet() > max && max > 0) {
            count.decrementAndGet();
            refusals.log("Server '" + entry + "' refused an HTTP connection: " + max
                    + " connections are already waiting for their request or upgrade (max_pending_connections)");
            connection.getEndPoint().close(new IOException("max_pending_connections reached"));
            return;
        }
        Deadline deadline = new Deadline(connection);
        pending.put(connection, deadline);
        deadline.arm();
    }

    @Override
    public void onClosed(Connection connection) {
        Deadline deadline = pending.remove(connection);
        if (deadline != null) {
            deadline.cancel();
            count.decrementAndGet();
        }
    }

    /** A handler in front of {@code next} that stops the header deadline of each request's connection. */
    Handler watch(Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Deadline deadline = pending.get(request.getConnectionMetaData().getConnection());
                if (deadline != null) {
                    deadline.cancel();
                    // Keep-alive: the next request on this connection gets a deadline of its own.
                    Request.addCompletionListener(request, failure -> deadline.arm());
                }
                return super.handle(request, response, callback);
            }
        };
    }

    /** The header deadline of one connection, armed while it waits for a request. */
    private final class Deadline {
        private final Connection connection;
        private Scheduler.Task task;

        Deadline(Connection connection) {
            this.connection = connection;
        }

        synchronized void arm() {
            if (headerTimeoutMillis > 0 && pending.get(connection) == this) {
                task = scheduler.schedule(this::expire, headerTimeoutMillis, TimeUnit.MILLISECONDS);
            }
        }

        synchronized void cancel() {
            if (task != null) {
                task.cancel();
                task = null;
            }
        }

        private void expire() {
            LOG.debug("Server '{}' closed {}: no complete request header within {} ms (request_header_timeout)",
                    entry, connection.getEndPoint().getRemoteSocketAddress(), headerTimeoutMillis);
            // Output first: closing with a failure while Jetty parses a request can make it answer
            // "400 Bad Request" on its way out; a client that sent no whole header gets no answer.
            connection.getEndPoint().shutdownOutput();
            connection.getEndPoint().close(new IOException("request_header_timeout expired"));
        }
    }
}
