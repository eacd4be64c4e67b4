package io.chuk.protocol.standalone;

import io.chuk.protocol.monitor.SessionMonitor;
import io.chuk.protocol.monitor.Viewer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Viewers that stop reading while the session they watch sends a lot: each is cut at the byte
 * bound (close 1008) having never held more than {@link Viewer#MAX_QUEUED_BYTES}, while a viewer
 * that reads keeps receiving everything.
 */
class MonitorNonReadersTest {

    private static final int NON_READERS = 20;
    /** Lines of about 4 KB the watched session echoes at most: about 64 MB of monitor traffic per viewer. */
    private static final int MAX_LINES = 8000;
    /** Lines the well-behaved viewer may lag behind: about 130 KB of events, far below the bound. */
    private static final int WINDOW = 16;
    private static final String PAD = "x".repeat(4000);

    @Test
    void nonReadingViewersAreCutAtTheByteBoundWhileAReadingViewerKeepsReceiving() throws Exception {
        try (RunningServer running = new RunningServer("""
                servers:
                  tcp:
                    port: 0
                    transport: tcp
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    enable_monitoring: true
                """);
             Producer producer = new Producer(running.port("tcp"))) {
            SessionMonitor monitor = running.server.monitor().orElseThrow();
            String sessionId = awaitOneSession(running);
            String watch = "{\"type\": \"watch_session\", \"session_id\": \"" + sessionId + "\"}";

            List<RawViewer> nonReaders = new ArrayList<>();
            try {
                for (int i = 0; i < NON_READERS; i++) {
                    RawViewer viewer = new RawViewer(running.port("websocket"));
                    nonReaders.add(viewer);
                    viewer.sendText(watch);
                    viewer.readUntilText("\"status\": \"success\""); // then it never reads again
                }
                ReadingViewer reader = new ReadingViewer(running.ws("websocket", "/monitor"), sessionId);
                reader.webSocket.sendText(watch, true);
                assertTrue(reader.watching.await(10, TimeUnit.SECONDS), "the reading viewer watches");
                List<Viewer> attached = List.copyOf(monitor.viewers());
                assertEquals(NON_READERS + 1, attached.size());

                int lines = 0;
                while (monitor.viewers().size() > 1 && lines < MAX_LINES) {
                    assertTrue(reader.window.tryAcquire(10, TimeUnit.SECONDS), "the reading viewer fell behind at line " + lines);
                    producer.send("L" + lines++ + " " + PAD);
                }
                producer.send("done");
                assertTrue(reader.done.await(20, TimeUnit.SECONDS), "the reading viewer got everything up to the end");

                assertEquals(1, monitor.viewers().size(), "every non-reader was dropped within " + lines + " lines");
                Viewer kept = monitor.viewers().iterator().next();
                int event = 8300; // an echoed line's client_input or server_message, in bytes
                for (Viewer viewer : attached) {
                    assertTrue(viewer.peakQueuedBytes() <= Viewer.MAX_QUEUED_BYTES, viewer + " held " + viewer.peakQueuedBytes());
                    if (viewer != kept) {
                        assertTrue(viewer.peakQueuedBytes() > Viewer.MAX_QUEUED_BYTES - event,
                                viewer + " was dropped at the byte bound, not before: " + viewer.peakQueuedBytes());
                    }
                }
                assertTrue(kept.peakQueuedBytes() < Viewer.MAX_QUEUED_BYTES / 4, "the reader never lagged: " + kept.peakQueuedBytes());
                assertEquals(0, reader.closes.get(), "the reading viewer was never closed");
                assertTrue(reader.lines.get() >= lines, reader.lines.get() + " of " + lines + " echoes seen");

                for (RawViewer viewer : nonReaders) {
                    assertEquals(1008, viewer.readUntilClose(), "a non-reader, once it reads, finds close 1008");
                }
                reader.webSocket.abort();
            } finally {
                for (RawViewer viewer : nonReaders) {
                    viewer.close();
                }
            }
        }
    }

    private static String awaitOneSession(RunningServer running) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.server.sessionHost().registry().size() != 1 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertEquals(1, running.server.sessionHost().registry().size());
        return running.server.sessionHost().registry().sessions().iterator().next().id();
    }

    /** The watched tcp session's client: sends lines and reads (and discards) every echo. */
    private static final class Producer implements AutoCloseable {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final Thread drainer;

        Producer(int port) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            drainer = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                try {
                    while (in.read(buffer) >= 0) {
                        // the echoes themselves are checked through the reading viewer
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "producer-drainer");
            drainer.setDaemon(true);
            drainer.start();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A java.net.http viewer that reads everything, telling the producer how far it got. */
    private static final class ReadingViewer implements WebSocket.Listener {
        final Semaphore window = new Semaphore(WINDOW);
        final CountDownLatch watching = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicInteger lines = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final WebSocket webSocket;
        private final String echoPrefix;
        private final String donePrefix;
        private final StringBuilder partial = new StringBuilder();

        ReadingViewer(String uri, String sessionId) throws Exception {
            echoPrefix = "{\"type\": \"server_message\", \"session_id\": \"" + sessionId + "\", \"data\": {\"text\": \"Echo: L";
            donePrefix = "{\"type\": \"server_message\", \"session_id\": \"" + sessionId + "\", \"data\": {\"text\": \"Echo: done";
            webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(uri), this).get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.startsWith("{\"type\": \"watch_response\"") && message.contains("\"success\"")) {
                    watching.countDown();
                } else if (message.startsWith(echoPrefix)) {
                    lines.incrementAndGet();
                    window.release();
                } else if (message.startsWith(donePrefix)) {
                    done.countDown();
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closes.incrementAndGet();
            return null;
        }
    }

    /** A monitor viewer on a plain socket: a real upgrade handshake, then reading only when told. */
    private static final class RawViewer implements AutoCloseable {
        private static final long MAX_READ = 256L * 1024 * 1024;

        private final Socket socket = new Socket();
        private final DataInputStream in;
        private final OutputStream out;
        private final AtomicLong read = new AtomicLong();

        RawViewer(int port) throws IOException {
            socket.setReceiveBufferSize(4096); // small, so the server's queue fills rather than the kernel's
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            out.write(("GET /monitor HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readHeaders();
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
        }

        /** The response head, read byte by byte so that no frame after it is consumed. */
        private String readHeaders() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (head.size() < 8192) {
                head.write(in.readUnsignedByte());
                String text = head.toString(StandardCharsets.US_ASCII);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
            throw new IOException("response head too long");
        }

        /** One masked text frame, as a client must send it. */
        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            assertTrue(payload.length < 126);
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(0x80 | payload.length);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        void readUntilText(String wanted) throws IOException {
            while (true) {
                Frame frame = nextFrame();
                if (frame.opcode == 1 && new String(frame.payload, StandardCharsets.UTF_8).contains(wanted)) {
                    return;
                }
            }
        }

        /** Reads what the server still sent, up to its close frame; returns the close code, or -1 if the connection just ended. */
        int readUntilClose() throws IOException {
            try {
                while (true) {
                    Frame frame = nextFrame();
                    if (frame.opcode == 8) {
                        return frame.payload.length >= 2 ? ((frame.payload[0] & 0xFF) << 8) | (frame.payload[1] & 0xFF) : 1005;
                    }
                }
            } catch (EOFException | java.net.SocketException e) {
                return -1;
            }
        }

        private record Frame(int opcode, byte[] payload) {
        }

        private Frame nextFrame() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            assertTrue((second & 0x80) == 0, "server frames are not masked");
            assertTrue(read.addAndGet(length) < MAX_READ, "read too much");
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
