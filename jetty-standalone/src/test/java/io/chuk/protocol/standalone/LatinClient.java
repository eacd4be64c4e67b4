package io.chuk.protocol.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A raw socket client that reads bytes as ISO-8859-1 chars, so telnet commands can be matched exactly. */
final class LatinClient implements AutoCloseable {
    private final LineClient client;

    LatinClient(int port) throws IOException {
        client = new LineClient(port, StandardCharsets.ISO_8859_1);
    }

    void send(byte[] bytes) throws IOException {
        client.sendBytes(bytes);
    }

    String await(String expected) throws IOException {
        return client.await(expected);
    }

    String awaitClose() throws IOException {
        return client.awaitClose();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
