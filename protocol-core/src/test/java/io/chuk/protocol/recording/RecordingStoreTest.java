package io.chuk.protocol.recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing recordings and reading one, and only one, by name. */
class RecordingStoreTest {

    @TempDir
    Path directory;

    private String write(Instant start, String server, String transport, boolean withHeader) throws IOException {
        String id = UUID.randomUUID().toString();
        String name = SessionRecorder.fileName(start, server, id);
        String header = withHeader ? "{\"version\": 2, \"width\": 80, \"height\": 24, \"timestamp\": "
                + start.getEpochSecond() + ", \"env\": {\"CHUK_SERVER\": \"" + server + "\", \"CHUK_TRANSPORT\": \""
                + transport + "\", \"CHUK_SESSION\": \"" + id + "\"}}\n" : "garbage\n";
        Files.writeString(directory.resolve(name), header + "[0.1, \"o\", \"hi\"]\n");
        return name;
    }

    @Test
    void listDescribesEachRecordingNewestFirst() throws IOException {
        Set<String> active = ConcurrentHashMap.newKeySet();
        RecordingStore store = new RecordingStore(List.of(directory), active::contains);
        String older = write(Instant.ofEpochSecond(1_700_000_000L), "telnet", "telnet", true);
        String newer = write(Instant.ofEpochSecond(1_700_000_100L), "web socket", "websocket", true);
        String noHeader = write(Instant.ofEpochSecond(1_600_000_000L), "tcp", "tcp", false);
        Files.writeString(directory.resolve("notes.txt"), "not a recording");
        active.add(newer);

        List<RecordingStore.Recording> recordings = store.list();
        assertEquals(List.of(newer, older, noHeader), recordings.stream().map(RecordingStore.Recording::name).toList());
        RecordingStore.Recording first = recordings.get(0);
        assertEquals("web socket", first.server(), "the exact name from the header");
        assertEquals("websocket", first.transport());
        assertEquals(Instant.ofEpochSecond(1_700_000_100L), first.startTime());
        assertEquals(newer.substring(newer.length() - 41, newer.length() - 5), first.sessionId());
        assertEquals(Files.size(directory.resolve(newer)), first.size());
        assertFalse(first.finished(), "still being written");
        assertTrue(recordings.get(1).finished());
        assertEquals("tcp", recordings.get(2).server(), "without a header the file name says it");
        assertEquals("unknown", recordings.get(2).transport());
    }

    @Test
    void openReadsARecording() throws IOException {
        RecordingStore store = new RecordingStore(List.of(directory), name -> false);
        String name = write(Instant.now(), "telnet", "telnet", true);
        try (InputStream in = store.open(name)) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).endsWith("[0.1, \"o\", \"hi\"]\n"));
        }
    }

    @Test
    void hostileNamesAreRefused() throws IOException {
        Path inside = Files.createDirectory(directory.resolve("recordings"));
        RecordingStore store = new RecordingStore(List.of(inside), name -> false);
        Files.writeString(directory.resolve("secret.cast"), "secret");
        String id = UUID.randomUUID().toString();
        for (String name : List.of("../secret.cast", "/etc/passwd", "..", "", "20260101T000000Z_a_" + id + ".cast/..",
                "20260101T000000Z_../x_" + id + ".cast", "20260101T000000Z_a_" + id + ".cast\u0000",
                "sub/20260101T000000Z_a_" + id + ".cast", "..\\20260101T000000Z_a_" + id + ".cast")) {
            assertThrows(IllegalArgumentException.class, () -> store.open(name), name);
        }
        String valid = "20260101T000000Z_a_" + id + ".cast";
        assertThrows(NoSuchFileException.class, () -> store.open(valid), "no such recording");
        Files.createSymbolicLink(inside.resolve(valid), directory.resolve("secret.cast"));
        assertThrows(NoSuchFileException.class, () -> store.open(valid), "a link is not served");
        assertEquals(List.of(), store.list(), "nor listed");
    }

    @Test
    void serverNamesAreMadeSafeForFileNames() {
        assertEquals("a-b-c.d-e", RecordingStore.safeServerName("a/b_c.d e"));
        assertEquals(64, RecordingStore.safeServerName("x".repeat(500)).length());
        assertTrue(RecordingStore.isRecordingName(SessionRecorder.fileName(Instant.EPOCH, "../../etc",
                UUID.randomUUID().toString())), "even a hostile server name gives a plain file name");
    }
}
