package io.chuk.protocol.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks {@code record_sessions} when the configuration is loaded: the directory exists or can be
 * created, and a file can be created in it, so a typo is a start-up error rather than sessions
 * that silently go unrecorded.
 */
final class RecordingDirectory {

    private RecordingDirectory() {
    }

    /** Why {@code name} cannot hold recordings, or empty when it can (or recording is off). */
    static Optional<String> problem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Path directory;
        try {
            directory = Path.of(name);
        } catch (InvalidPathException e) {
            return Optional.of("not a valid path: " + e.getMessage());
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            return Optional.of(Preview.of(name) + " is not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot create the recording directory " + Preview.of(name) + ": " + e);
        }
        try {
            // Files.isWritable can be wrong (ACLs, read-only mounts): a real file says for sure.
            Path probe = Files.createTempFile(directory, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot write to the recording directory " + Preview.of(name) + ": " + e);
        }
        return Optional.empty();
    }
}
