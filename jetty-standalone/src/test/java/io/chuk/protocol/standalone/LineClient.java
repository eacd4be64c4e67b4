package io.chuk.protocol.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A raw socket client for tests: send text, wait for text, detect the close. */
final class LineClient implements AutoCloseable {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final java.nio.charset.Charset charset;
    /** Chars of the decoded input already returned by {@link #await}. */
    private int consumed;
    private boolean eof;

    LineClient(int port) throws IOException {
        this(port, StandardCharsets.UTF_8);
    }

    LineClient(int port, java.nio.charset.Charset charset) throws IOException {
        this(new Socket(), port, charset);
    }

    /** A client over {@code socket} (for example a TLS socket), connected here. */
    LineClient(Socket socket, int port, java.nio.charset.Charset charset) throws IOException {
        this(connect(socket, port), charset);
    }

    /** A client over a socket that is already connected (for example TLS layered over a socket that sent a PROXY header). */
    LineClient(Socket connected, java.nio.charset.Charset charset) throws IOException {
        this.charset = charset;
        this.socket = connected;
        connected.setSoTimeout(100);
        in = connected.getInputStream();
    }

    private static Socket connect(Socket socket, int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return socket;
    }

    /** The client's own port, as the server should see it. */
    int localPort() {
        return socket.getLocalPort();
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Waits until {@code expected} appears in what arrived after the last match; returns the text up to and including it. */
    String await(String expected) throws IOException {
        return await(expected, DEFAULT_WAIT);
    }

    String await(String expected, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String text = unread();
            int at = text.indexOf(expected);
            if (at >= 0) {
                String upTo = text.substring(0, at + expected.length());
                consumed += upTo.length();
                return upTo;
            }
            if (eof) {
                throw new AssertionError("connection closed before '" + expected + "'; received: " + text);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for '" + expected + "'; received: " + text);
            }
            readSome();
        }
    }

    /** Waits for the server to close the connection; returns everything that arrived unread. */
    String awaitClose() throws IOException {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (!eof) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection still open; received: " + unread());
            }
            readSome();
        }
        return unread();
    }

    String unread() {
        return new String(received.toByteArray(), charset).substring(consumed);
    }

    private void readSome() throws IOException {
        byte[] buffer = new byte[8192];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
            } else {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // nothing yet; the caller checks its deadline
        } catch (IOException e) {
            eof = true; // reset by peer counts as closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
