package io.chuk.protocol.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Real clients from the host: a socket reading until a text appears, and a java.net.http WebSocket. */
final class Clients {
    static final Duration WAIT = Duration.ofSeconds(20);

    private Clients() {
    }

    /**
     * A free port below the ephemeral range: with {@code --network host} the container binds the
     * host's ports, so the test picks them.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                // The wildcard address, as the container may bind it: free there means free on every address.
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000-32000");
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A tcp or telnet connection; text is read as ISO-8859-1 so telnet commands cannot break decoding. */
    static final class Line implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Line(int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(250);
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** Everything received until TEXT appears (or the end of the stream after it). */
        String await(String text) throws IOException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            byte[] buffer = new byte[4096];
            while (!received().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' within " + WAIT + "; got: " + received());
                }
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        throw new AssertionError("closed before '" + text + "'; got: " + received());
                    }
                    received.write(buffer, 0, n);
                } catch (SocketTimeoutException notYet) {
                    // re-check the deadline
                }
            }
            return received();
        }

        String received() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A WebSocket whose text frames (and binary frames, as ISO-8859-1 text) are queued. */
    static final class Ws implements AutoCloseable {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Ws(String uri) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(uri), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            messages.add(data.toString());
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                            messages.add(StandardCharsets.ISO_8859_1.decode(data).toString());
                            ws.request(1);
                            return null;
                        }
                    }).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        void send(String text) {
            socket.sendText(text, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        }

        /** Messages until one contains TEXT; that one is returned. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            StringBuilder seen = new StringBuilder();
            while (true) {
                String message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("no message with '" + text + "' within " + WAIT + "; got: " + seen);
                }
                if (message.contains(text)) {
                    return message;
                }
                seen.append(message).append('|');
            }
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
