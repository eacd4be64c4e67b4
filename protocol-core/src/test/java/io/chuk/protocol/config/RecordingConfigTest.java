package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import io.chuk.protocol.recording.RecordingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recording keys: defaults, bounds, and the directory checked when the file is loaded. */
class RecordingConfigTest {

    @TempDir
    Path temp;

    private final ConfigLoader loader = new ConfigLoader(RecordingConfigTest.class.getClassLoader());

    private ServerConfig load(String extra) throws ConfigException {
        return loader.parse("transport: tcp\nhandler_class: " + GoodHandler.class.getName() + "\n" + extra,
                "test.yaml").servers().get(0);
    }

    private String problem(String extra) {
        return assertThrows(ConfigException.class, () -> load(extra)).getMessage();
    }

    @Test
    void recordingIsOffUnlessADirectoryIsGiven() throws ConfigException {
        ServerConfig config = load("");
        assertEquals(Optional.empty(), RecordingSettings.of(config));
        assertEquals(false, config.get(ServerKeys.RECORD_INPUT));
        assertEquals(1024 * 1024, config.get(ServerKeys.RECORD_MAX_BYTES));
    }

    @Test
    void aMissingDirectoryIsCreated() throws ConfigException {
        Path directory = temp.resolve("a/b");
        ServerConfig config = load("record_sessions: " + directory + "\nrecord_input: true\nrecord_max_bytes: 4096\n");
        assertTrue(Files.isDirectory(directory));
        assertEquals(Optional.of(new RecordingSettings(directory, true, 4096)), RecordingSettings.of(config));
    }

    @Test
    void aFileOrAnUnwritableDirectoryIsReportedUnderTheKey() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertTrue(problem("record_sessions: " + file + "\n")
                .contains("test.yaml: record_sessions: " + file + " is not a directory"));
        assertTrue(problem("record_sessions: " + file + "/sub\n")
                .contains("test.yaml: record_sessions: cannot create the recording directory"));
        Path readOnly = Files.createDirectory(temp.resolve("ro"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            if (!Files.isWritable(readOnly)) { // root may write anywhere
                assertTrue(problem("record_sessions: " + readOnly + "\n")
                        .contains("test.yaml: record_sessions: cannot write to the recording directory"));
            }
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }

    @Test
    void theFileBoundHasLimits() {
        assertTrue(problem("record_max_bytes: 100\n")
                .contains("record_max_bytes: must be between 4096 and 1073741824, got 100"));
        assertTrue(problem("record_input: yes please\n").contains("record_input: must be true or false"));
    }
}
