package io.chuk.protocol.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a session's recording holds: the header, output, input only when allowed, resizes, and its bound. */
class SessionRecordingTest {

    private static final Instant START = Instant.ofEpochSecond(1_700_000_000L);
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    Path directory;
    private RecordingWriter writer = new RecordingWriter();
    private final AtomicBoolean hidden = new AtomicBoolean();

    @AfterEach
    void stopWriter() {
        writer.close();
    }

    private record Event(String code, String data) {
    }

    private Path file;
    private String id;

    private SessionRecording start(Transport transport, TerminalInfo terminal, boolean recordInput, int maxBytes) {
        id = UUID.randomUUID().toString();
        file = directory.resolve(SessionRecorder.fileName(START, "my server", id));
        return SessionRecording.start(id, "my server", transport, START, terminal, hidden::get,
                new RecordingSettings(directory, recordInput, maxBytes), file, writer);
    }

    /** Ends the recording and waits for the writer to close the file. */
    private List<String> finish(SessionRecording recording) throws IOException {
        recording.end();
        writer.close();
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<Event> events(List<String> lines) throws IOException {
        List<Event> events = new ArrayList<>();
        double last = 0;
        for (String line : lines.subList(1, lines.size())) {
            try (JsonParser parser = JSON.createParser(line)) {
                assertEquals(JsonToken.START_ARRAY, parser.nextToken(), line);
                assertEquals(JsonToken.VALUE_NUMBER_FLOAT, parser.nextToken(), line);
                double time = parser.getDoubleValue();
                assertTrue(time >= last, "times never go back: " + line);
                last = time;
                assertEquals(JsonToken.VALUE_STRING, parser.nextToken(), line);
                String code = parser.getText();
                assertEquals(JsonToken.VALUE_STRING, parser.nextToken(), line);
                events.add(new Event(code, parser.getText()));
                assertEquals(JsonToken.END_ARRAY, parser.nextToken(), line);
                assertEquals(null, parser.nextToken(), line);
            }
        }
        return events;
    }

    @Test
    void telnetSessionHeaderOutputAndResizes() throws IOException {
        TerminalInfo terminal = new TerminalInfo("xterm-256color", List.of("xterm-256color"), 100, 30, Map.of(), null);
        SessionRecording recording = start(Transport.TELNET, terminal, false, 1 << 20);
        recording.output("Welcome\r\n");
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        recording.output(new byte[] {'>', ' ', euro[0]});
        recording.output(new byte[] {euro[1], euro[2]});
        recording.windowSize(120, 40);
        recording.input("hello".getBytes(StandardCharsets.UTF_8));
        List<String> lines = finish(recording);
        assertEquals("{\"version\": 2, \"width\": 100, \"height\": 30, \"timestamp\": 1700000000, \"title\": \"telnet session "
                + id + " on server 'my server'\", \"env\": {\"TERM\": \"xterm-256color\", \"CHUK_SERVER\": \"my server\", "
                + "\"CHUK_TRANSPORT\": \"telnet\", \"CHUK_SESSION\": \"" + id + "\"}}", lines.get(0));
        assertEquals(List.of(new Event("o", "Welcome\r\n"), new Event("o", "> "), new Event("o", "€"),
                new Event("r", "120x40")), events(lines), "the euro sign split over two chunks comes out whole; no input");
        assertTrue(file.getFileName().toString().matches("20231114T221320Z_my-server_" + id + "\\.cast"),
                file.toString());
    }

    @Test
    void webSocketFramesAreLinesAndTheSizeIsTheDefault() throws IOException {
        SessionRecording recording = start(Transport.WEBSOCKET, null, true, 1 << 20);
        recording.output("Echo: hi");
        recording.input("hi");
        List<String> lines = finish(recording);
        assertTrue(lines.get(0).startsWith("{\"version\": 2, \"width\": 80, \"height\": 24, "), lines.get(0));
        assertTrue(lines.get(0).contains("\"TERM\": \"unknown\""), lines.get(0));
        assertEquals(List.of(new Event("o", "Echo: hi\r\n"), new Event("i", "hi\r\n")), events(lines));
    }

    @Test
    void inputIsRecordedOnlyWithRecordInputAndNeverWhileHidden() throws IOException {
        SessionRecording recording = start(Transport.TCP, null, true, 1 << 20);
        recording.input("user\r\n".getBytes(StandardCharsets.UTF_8));
        hidden.set(true);
        recording.output("Password: ");
        recording.input("s3cret".getBytes(StandardCharsets.UTF_8));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        recording.input(new byte[] {'!', euro[0]}); // hidden: even its cut-off tail must not surface later
        hidden.set(false);
        recording.input(new byte[] {'\r', '\n'});
        List<Event> events = events(finish(recording));
        assertEquals(List.of(new Event("i", "user\r\n"), new Event("o", "Password: "), new Event("i", "\r\n")), events);
        assertFalse(Files.readString(file).contains("s3cret"));
    }

    @Test
    void aFullQueueStopsTheRecordingWithAMarker() throws IOException {
        writer.close();
        writer = new RecordingWriter(0, 0);
        SessionRecording recording = start(Transport.TCP, null, false, 1 << 20);
        recording.output("refused: the queue holds nothing");
        recording.output("not even tried");
        List<String> lines = finish(recording);
        assertEquals(List.of(new Event("m", "recording stopped: the recorder's queue is full")), events(lines));
    }

    @Test
    void theFileBoundStopsTheRecordingWithAMarker() throws IOException {
        SessionRecording recording = start(Transport.TCP, null, false, 4096);
        String line = "x".repeat(90) + "\r\n";
        for (int i = 0; i < 100; i++) {
            recording.output(line);
        }
        List<String> lines = finish(recording);
        assertTrue(Files.size(file) <= 4096, "file size " + Files.size(file));
        List<Event> events = events(lines);
        Event last = events.get(events.size() - 1);
        assertEquals(new Event("m", "recording stopped: the file reached record_max_bytes (4096 bytes)"), last);
        assertTrue(events.size() > 30, "it recorded up to the bound: " + events.size());
        assertEquals(events.size() - 1, events.stream().filter(e -> e.code().equals("o")).count(), "one marker");
        recording.output("after the bound");
        assertFalse(Files.readString(file).contains("after the bound"));
    }
}
