package io.chuk.protocol.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket client for tests: every text frame and the close become events in a queue. */
final class WsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> events;
    private final WebSocket webSocket;

    private WsClient(WebSocket webSocket, BlockingQueue<String> events) {
        this.webSocket = webSocket;
        this.events = events;
    }

    static WsClient connect(String uri) throws Exception {
        return connect(uri, null);
    }

    static WsClient connect(String uri, String origin) throws Exception {
        return connect(HTTP, uri, origin, null);
    }

    static WsClient connect(String uri, String origin, String authorization) throws Exception {
        return connect(HTTP, uri, origin, authorization);
    }

    static WsClient connect(HttpClient http, String uri, String origin) throws Exception {
        return connect(http, uri, origin, null);
    }

    static WsClient connect(HttpClient http, String uri, String origin, String authorization) throws Exception {
        return connect(http, uri, origin, authorization, null, null);
    }

    static WsClient connect(HttpClient http, String uri, String origin, String authorization,
                            String headerName, String headerValue) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (headerName != null) {
            builder.header(headerName, headerValue);
        }
        return open(builder, uri);
    }

    /** Offers the subprotocols (the most preferred first), as a browser's {@code new WebSocket(uri, protocols)} does. */
    static WsClient withSubprotocols(String uri, String mostPreferred, String... lesser) throws Exception {
        return open(HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).subprotocols(mostPreferred, lesser), uri);
    }

    private static WsClient open(WebSocket.Builder builder, String uri) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket socket = builder.buildAsync(URI.create(uri), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    events.add("TEXT " + partial);
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                events.add("BINARY " + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                events.add("CLOSE " + statusCode + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                events.add("ERROR " + error);
            }
        }).get(10, TimeUnit.SECONDS);
        return new WsClient(socket, events);
    }

    /** The subprotocol the server agreed to ({@code ""} for none). */
    String subprotocol() {
        return webSocket.getSubprotocol();
    }

    void send(String text) throws InterruptedException, ExecutionException {
        webSocket.sendText(text, true).get();
    }

    void sendBinary(byte[] bytes) throws InterruptedException, ExecutionException {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get();
    }

    /** Concatenates binary frames (bytes as ISO-8859-1 chars) until {@code expected} appears; returns the frame count. */
    int awaitBinary(String expected, StringBuilder received) throws InterruptedException {
        int frames = 0;
        while (received.indexOf(expected) < 0) {
            String event = next();
            if (!event.startsWith("BINARY ")) {
                throw new AssertionError("expected a binary frame, got " + event + " after " + received);
            }
            received.append(event.substring(7));
            frames++;
        }
        return frames;
    }

    /** The next event (TEXT ..., CLOSE code reason), or fails after the timeout. */
    String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no WebSocket event within 10 s");
        }
        return event;
    }

    /** Skips events until one equals {@code expected}. */
    void await(String expected) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        while (true) {
            String event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("'" + expected + "' did not arrive; saw: " + seen);
            }
            if (event.equals(expected)) {
                return;
            }
            seen.append(event).append(" | ");
        }
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
