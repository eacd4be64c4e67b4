package io.chuk.protocol.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The websocket client: {@code connections} {@link java.net.http.WebSocket}s on one shared
 * {@link HttpClient}, each waiting for "ready" and then doing request/response: send the text
 * {@code line N}, wait for exactly {@code Echo: line N}, send the next.
 */
final class WsLoad implements Load {

    private static final String EXPECTED_PREFIX = "Echo: line ";

    private final List<Client> clients = new ArrayList<>();
    private final LongAdder completed = new LongAdder();
    private final CountDownLatch ready;
    private final CountDownLatch closedByServer;
    private volatile boolean sending = true;
    private volatile boolean closing;
    private volatile Throwable failure;

    private WsLoad(int connections) {
        ready = new CountDownLatch(connections);
        closedByServer = new CountDownLatch(connections);
    }

    /** Opens every WebSocket and returns once all of them got "ready" and are echoing. */
    static WsLoad start(HttpClient http, URI uri, int connections) throws Exception {
        WsLoad load = new WsLoad(connections);
        try {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Client client = load.new Client();
                load.clients.add(client);
                opening.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(uri, client));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            if (!load.ready.await(30, TimeUnit.SECONDS)) {
                throw new IOException("websocket: only " + (connections - load.ready.getCount()) + " of "
                        + connections + " connections said ready within 30 s");
            }
            if (load.failure != null) {
                throw new IOException("websocket client failed", load.failure);
            }
        } catch (Exception e) {
            load.close();
            throw e;
        }
        return load;
    }

    @Override
    public long completed() {
        return completed.sum();
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        sending = false;
        closing = true;
        pause(200); // let the exchanges in flight finish, so the close frame follows the last send
        for (Client client : clients) {
            if (client.webSocket != null) {
                client.lastSend.handle((w, e) -> null).thenRun(() ->
                        client.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done"));
            }
        }
        try {
            closedByServer.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Client client : clients) {
            if (client.webSocket != null && !client.webSocket.isInputClosed()) {
                client.webSocket.abort();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        sending = false;
        while (ready.getCount() > 0) {
            ready.countDown();
        }
    }

    /** One connection; the JDK calls its listener methods one at a time. */
    private final class Client implements WebSocket.Listener {
        volatile WebSocket webSocket;
        volatile CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
        private final StringBuilder partial = new StringBuilder();
        private boolean isReady;
        private long nextSend;
        private long nextExpected;

        @Override
        public void onOpen(WebSocket ws) {
            webSocket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String message;
            if (!last || partial.length() > 0) {
                partial.append(data);
                if (!last) {
                    ws.request(1);
                    return null;
                }
                message = partial.toString();
                partial.setLength(0);
            } else {
                message = data.toString();
            }
            if (!isReady) {
                if (!message.equals("ready")) {
                    fail(new IOException("expected 'ready', got '" + message + "'"));
                    return null;
                }
                isReady = true;
                ready.countDown();
            } else {
                String expected = EXPECTED_PREFIX + nextExpected;
                if (!message.equals(expected)) {
                    fail(new IOException("expected '" + expected + "', got '" + message + "'"));
                    return null;
                }
                nextExpected++;
                completed.increment();
            }
            send(ws);
            ws.request(1);
            return null;
        }

        private void send(WebSocket ws) {
            if (!sending) {
                return;
            }
            String text = "line " + nextSend++;
            CompletableFuture<WebSocket> previous = lastSend;
            // A send may only start once the previous one completed (java.net.http rule).
            lastSend = previous.isDone() ? ws.sendText(text, true) : previous.thenCompose(w -> ws.sendText(text, true));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedByServer.countDown();
            if (!closing) {
                fail(new IOException("server closed the websocket: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closedByServer.countDown();
            if (!closing) {
                fail(error);
            }
        }
    }
}
