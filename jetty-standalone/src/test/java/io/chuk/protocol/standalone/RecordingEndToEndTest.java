package io.chuk.protocol.standalone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chuk.protocol.recording.RecordingServlet;
import io.chuk.protocol.recording.RecordingStore;
import io.chuk.protocol.recording.SessionRecorder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real telnet session recorded to an asciicast file, read back through the store and over HTTP. */
class RecordingEndToEndTest {

    private static final byte IAC = (byte) 255;
    private static final byte WILL = (byte) 251;
    private static final byte SB = (byte) 250;
    private static final byte SE = (byte) 240;
    private static final byte NAWS = 31;
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    Path directory;

    private record Event(String code, String data) {
    }

    private RunningServer start() throws Exception {
        return new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello recorder
                    record_sessions: %s
                    record_input: true
                """.formatted(directory));
    }

    @Test
    void aTelnetSessionIsRecordedWithOutputInputAndResizes() throws Exception {
        try (RunningServer running = start()) {
            SessionRecorder recorder = running.server.recorder().orElseThrow();
            try (LatinClient client = new LatinClient(running.port("telnet"))) {
                client.await("> ");
                client.send(new byte[] {IAC, WILL, NAWS, IAC, SB, NAWS, 0, 120, 0, 40, IAC, SE});
                Await.until(() -> running.server.sessionHost().registry().sessions().stream()
                        .anyMatch(s -> s.terminal().orElseThrow().width() == 120), "the server saw the NAWS change");
                client.send("hello\r\n".getBytes(StandardCharsets.US_ASCII));
                client.await("Echo: hello\r\n> ");
                client.send("quit\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(client.awaitClose().endsWith("Goodbye!\r\n"));
            }
            RecordingStore store = recorder.store();
            Await.until(() -> listed(store).size() == 1 && listed(store).get(0).finished(),
                    () -> "one finished recording: " + listed(store));
            RecordingStore.Recording recording = listed(store).get(0);
            assertEquals("telnet", recording.server());
            assertEquals("telnet", recording.transport());

            List<String> lines = Files.readAllLines(directory.resolve(recording.name()), StandardCharsets.UTF_8);
            assertEquals(recording.size(), Files.size(directory.resolve(recording.name())));
            assertTrue(lines.get(0).startsWith("{\"version\": 2, \"width\": 80, \"height\": 24, \"timestamp\": "),
                    lines.get(0));
            assertTrue(lines.get(0).contains("\"CHUK_SESSION\": \"" + recording.sessionId() + "\""), lines.get(0));
            List<Event> events = events(lines);
            StringBuilder output = new StringBuilder();
            StringBuilder input = new StringBuilder();
            for (Event event : events) {
                (event.code().equals("o") ? output : event.code().equals("i") ? input : new StringBuilder())
                        .append(event.data());
            }
            assertTrue(events.contains(new Event("r", "120x40")), "the NAWS change: " + events);
            assertTrue(output.toString().startsWith("Hello recorder\r\n"), output.toString());
            assertTrue(output.toString().contains("Echo: hello\r\n"), output.toString());
            assertTrue(output.toString().endsWith("Goodbye!\r\n"), output.toString());
            assertFalse(output.toString().contains("\u00FF"), "no telnet commands in what the terminal shows");
            assertTrue(input.toString().startsWith("hello\r\n"), input.toString());
            assertTrue(events.indexOf(new Event("r", "120x40")) < indexOfOutput(events, "Echo: hello"),
                    "events in the order they happened");

            servesOverHttp(store, recording, Files.readString(directory.resolve(recording.name())));
        }
    }

    @Test
    void stoppingTheServerWritesOutTheSessionsStillOpen() throws Exception {
        RunningServer running = start();
        try (LatinClient client = new LatinClient(running.port("telnet"))) {
            client.await("> ");
            client.send("still here\r\n".getBytes(StandardCharsets.US_ASCII));
            client.await("Echo: still here\r\n> ");
            running.server.stop();
        }
        List<Path> files;
        try (var stream = Files.list(directory)) {
            files = stream.toList();
        }
        assertEquals(1, files.size(), files.toString());
        String text = Files.readString(files.get(0));
        assertTrue(text.contains("Echo: still here"), text);
        assertTrue(text.contains("Server is shutting down. Goodbye!"), text);
        assertTrue(text.endsWith("]\n"), "complete lines only: " + text);
        events(Files.readAllLines(files.get(0)));
    }

    private static List<RecordingStore.Recording> listed(RecordingStore store) {
        try {
            return store.list();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOfOutput(List<Event> events, String text) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).code().equals("o") && events.get(i).data().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Every line after the header parses as {@code [time, code, data]}. */
    private static List<Event> events(List<String> lines) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            try (JsonParser parser = JSON.createParser(line)) {
                assertEquals(JsonToken.START_ARRAY, parser.nextToken(), line);
                assertEquals(JsonToken.VALUE_NUMBER_FLOAT, parser.nextToken(), line);
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

    /** The servlet, mounted as the integrator will, behind a monitor token. */
    private static void servesOverHttp(RecordingStore store, RecordingStore.Recording recording, String content)
            throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new RecordingServlet(store, "s3cret")), "/dashboard/recordings/*");
        jetty.setHandler(context);
        jetty.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + connector.getLocalPort() + "/dashboard/recordings";
            assertEquals(401, get(http, base, null).statusCode());
            assertEquals(403, get(http, base, "wrong").statusCode());

            HttpResponse<String> list = get(http, base, "s3cret");
            assertEquals(200, list.statusCode());
            assertTrue(list.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(list.body().startsWith("{\"recordings\":[{\"name\":\"" + recording.name() + "\",\"session_id\":\""
                    + recording.sessionId() + "\",\"server\":\"telnet\",\"transport\":\"telnet\""), list.body());
            assertTrue(list.body().contains("\"finished\":true"), list.body());

            HttpResponse<String> file = get(http, base + "/" + recording.name(), "s3cret");
            assertEquals(200, file.statusCode());
            assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith(RecordingServlet.CAST_TYPE));
            assertEquals(content, file.body());

            assertEquals(400, get(http, base + "/notes.txt", "s3cret").statusCode());
            assertEquals(404, get(http, base + "/20260101T000000Z_telnet_00000000-0000-0000-0000-000000000000.cast",
                    "s3cret").statusCode());
            int traversal = get(http, base + "/..%2F..%2Fetc%2Fpasswd", "s3cret").statusCode();
            assertEquals(400, traversal, "path traversal");
        } finally {
            jetty.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
