package io.chuk.protocol.recording;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How one server entry records its sessions: {@code record_sessions}, {@code record_input} and
 * {@code record_max_bytes}.
 */
public record RecordingSettings(Path directory, boolean recordInput, int maxBytes) {

    /** The entry's recording settings, or empty when {@code record_sessions} is unset. */
    public static Optional<RecordingSettings> of(ServerConfig config) {
        String directory = config.get(ServerKeys.RECORD_SESSIONS);
        if (directory == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordingSettings(Path.of(directory).toAbsolutePath().normalize(),
                config.get(ServerKeys.RECORD_INPUT), config.get(ServerKeys.RECORD_MAX_BYTES)));
    }
}
