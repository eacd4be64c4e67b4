package io.chuk.protocol.war;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Real clients for the WAR tests (java.net.http WebSocket, plain sockets) and port helpers; every wait is bounded. */
final class TestClients {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestClients() {
    }

    /** A port below 32768 that is free now (STACK pitfall 5: the ephemeral range is crowded here). */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of a refused WebSocket handshake, or 101 if it was accepted. */
    /** The body of a GET that must answer 200. */
    static String httpGet(String uri) throws Exception {
        java.net.http.HttpResponse<String> response = HTTP.send(
                java.net.http.HttpRequest.newBuilder(URI.create(uri)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The status of a {@code method} request with no body, and its {@code Allow} header if any: {@code "405 GET, HEAD"}. */
    static String statusAndAllow(String method, String uri) throws Exception {
        java.net.http.HttpResponse<Void> response = HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(uri))
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return (response.statusCode() + " " + response.headers().firstValue("Allow").orElse("")).trim();
    }

    static int handshakeStatus(String uri) throws Exception {
        try {
            Ws.connect(uri).close();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** A WebSocket client whose text frames, pings and close become events in a queue; pings are answered. */
    static final class Ws implements AutoCloseable {
        /** The event of a ping from the server (the JDK client sends the pong by itself). */
        static final String PING = "PING";
        private static final String BINARY = "BINARY ";
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        private Ws(String uri) throws Exception {
            socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(uri), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                events.add(partial.toString());
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
                            events.add(PING);
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
                            byte[] bytes = new byte[data.remaining()];
                            data.get(bytes);
                            events.add(BINARY + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                            events.add("CLOSE " + status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        }

        static Ws connect(String uri) throws Exception {
            return new Ws(uri);
        }

        /** Connects, retrying while the container is still deploying, for at most {@code wait}. */
        static Ws connectWithin(String uri, Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                try {
                    return new Ws(uri);
                } catch (ExecutionException | CompletionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(uri + " did not accept a WebSocket within " + wait, e);
                    }
                    Thread.sleep(250);
                }
            }
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        void sendBinary(String text) throws Exception {
            socket.sendBinary(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), true)
                    .get(5, TimeUnit.SECONDS);
        }

        /** Reads binary frames as one byte stream until it contains {@code expected}, for at most 10 s. */
        void awaitInBinaryStream(String expected) throws InterruptedException {
            StringBuilder stream = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.startsWith(BINARY)) {
                    stream.append(event, BINARY.length(), event.length());
                    if (stream.indexOf(expected) >= 0) {
                        return;
                    }
                }
            }
            throw new AssertionError("'" + expected + "' did not arrive; the stream was: " + stream);
        }

        /** The next event (a text frame, or {@code CLOSE <status>}), waiting at most 10 s for it. */
        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("nothing arrived within 10 s");
            }
            return event;
        }

        /** Skips frames until one equals {@code expected}, for at most 10 s. */
        void await(String expected) throws InterruptedException {
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String event = events.poll(100, TimeUnit.MILLISECONDS);
                if (expected.equals(event)) {
                    return;
                }
                if (event != null) {
                    seen.append(event).append(" | ");
                }
            }
            throw new AssertionError("'" + expected + "' did not arrive; saw: " + seen);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    /** A raw socket client (telnet or tcp) collecting everything it receives. */
    static final class Line implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final StringBuilder received = new StringBuilder();
        private boolean eof;

        Line(int port) throws IOException {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(100);
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        /** Waits until {@code expected} has arrived, for at most {@code wait}. */
        void await(String expected, Duration wait) throws IOException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (received.indexOf(expected) < 0) {
                if (eof || System.nanoTime() > deadline) {
                    throw new AssertionError("'" + expected + "' did not arrive" + (eof ? " before the close" : "")
                            + "; received: " + received);
                }
                readSome();
            }
        }

        /** Waits for the server's close, for at most {@code wait}; returns everything received. */
        String awaitClose(Duration wait) throws IOException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!eof) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server did not close the connection; received: " + received);
                }
                readSome();
            }
            return received.toString();
        }

        private void readSome() throws IOException {
            byte[] buffer = new byte[4096];
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    eof = true;
                } else {
                    received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException e) {
                // nothing yet
            } catch (IOException e) {
                eof = true; // reset by the peer counts as closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
