package io.chuk.protocol.bench;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tcp baseline: a hand-written line echo on the same Jetty as our server, with the same
 * connector shape (one acceptor, one selector, a default {@link QueuedThreadPool}). Each line is
 * answered with {@code Echo: <line>\r\n} directly by the thread that read it; no session layer,
 * no hand-off to another thread, no per-line strings. This is the ceiling for a Jetty raw
 * connector, so "ours / baseline" is what our session layer costs.
 */
final class BaselineTcpServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    BaselineTcpServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("base-tcp");
        server = new Server(threads);
        server.setStopAtShutdown(false);
        connector = new ServerConnector(server, 1, 1, new EchoConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(-1);
        connector.setReuseAddress(true);
        server.addConnector(connector);
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class EchoConnectionFactory extends AbstractConnectionFactory {
        EchoConnectionFactory() {
            super("bench-line-echo");
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            return configure(new EchoConnection(endPoint, connector.getExecutor()), connector, endPoint);
        }
    }

    /** Reads, cuts lines (LF or CR LF), writes the answers of one read as one write, reads on. */
    private static final class EchoConnection extends AbstractConnection {
        private static final byte[] READY = "ready\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PREFIX = "Echo: ".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CRLF = {'\r', '\n'};
        private static final int MAX_LINE = 8192;

        private final ByteBuffer input = BufferUtil.allocate(4096);
        private final byte[] line = new byte[MAX_LINE];
        private int lineLength;
        private byte[] output = new byte[8192];
        private int outputLength;

        EchoConnection(EndPoint endPoint, Executor executor) {
            super(endPoint, executor);
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().write(Callback.from(this::fillInterested, failure -> getEndPoint().close(failure)),
                    ByteBuffer.wrap(READY));
        }

        @Override
        public void onFillable() {
            try {
                while (true) {
                    BufferUtil.clear(input);
                    int filled = getEndPoint().fill(input);
                    if (filled < 0) {
                        getEndPoint().close();
                        return;
                    }
                    if (filled == 0) {
                        fillInterested();
                        return;
                    }
                    outputLength = 0;
                    cutLines();
                    if (outputLength > 0) {
                        Write write = new Write();
                        getEndPoint().write(write, ByteBuffer.wrap(output, 0, outputLength));
                        if (!write.returned()) {
                            return; // the completion reads on
                        }
                    }
                }
            } catch (IOException e) {
                getEndPoint().close(e);
            }
        }

        private void cutLines() {
            while (input.hasRemaining()) {
                byte b = input.get();
                if (b == '\n') {
                    int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
                    append(PREFIX, PREFIX.length);
                    append(line, length);
                    append(CRLF, 2);
                    lineLength = 0;
                } else if (lineLength < MAX_LINE) {
                    line[lineLength++] = b;
                }
            }
        }

        private void append(byte[] bytes, int length) {
            if (outputLength + length > output.length) {
                output = Arrays.copyOf(output, Math.max(output.length * 2, outputLength + length));
            }
            System.arraycopy(bytes, 0, output, outputLength, length);
            outputLength += length;
        }

        /** Completes inline (then the read loop continues) or later (then it restarts reading). */
        private final class Write implements Callback {
            private final AtomicInteger phase = new AtomicInteger(); // 0 pending, 1 returned, 2 done inline

            boolean returned() {
                return !phase.compareAndSet(0, 1);
            }

            @Override
            public void succeeded() {
                if (!phase.compareAndSet(0, 2)) {
                    onFillable();
                }
            }

            @Override
            public void failed(Throwable cause) {
                phase.set(2);
                getEndPoint().close(cause);
            }
        }
    }
}
