package io.chuk.protocol.standalone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which YAML a {@code --config-search} launch runs: the file {@code CHUK_CONFIG} names when it is
 * set (a missing file is then a configuration error, not a silent fallback), else the first
 * candidate that exists, else none (the bundled default). Only the container image's entry point
 * asks for this, so a plain {@code java -jar} never changes behaviour because of the environment.
 */
final class ConfigSearch {
    /** The environment variable that overrides the candidates. */
    static final String ENV = "CHUK_CONFIG";

    private ConfigSearch() {
    }

    static Optional<Path> choose(String fromEnvironment, List<Path> candidates) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(Path.of(fromEnvironment));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}
