package io.chuk.protocol.testkit.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulated client has been shown: the text of a byte stream (telnet commands already
 * removed), or the frames of a message transport, read as text and lines. Not thread-safe: the
 * channel calls it under its own lock.
 */
final class ClientScreen {

    private final boolean framed;
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final List<String> frames = new ArrayList<>();

    /** @param framed whether output comes as text frames (each one line) rather than a byte stream */
    ClientScreen(boolean framed) {
        this.framed = framed;
    }

    ByteArrayOutputStream stream() {
        return stream;
    }

    void frame(String text) {
        frames.add(text);
    }

    /** The text as a terminal received it: CR LF as a newline, CR NUL as a bare CR. */
    String text() {
        if (framed) {
            StringBuilder all = new StringBuilder();
            frames.forEach(frame -> all.append(frame).append('\n'));
            return all.toString();
        }
        return stream.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\r\u0000", "\r");
    }

    /** The complete lines: every frame, or the text up to each newline. */
    List<String> lines() {
        if (framed) {
            return List.copyOf(frames);
        }
        String text = text();
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }
}
