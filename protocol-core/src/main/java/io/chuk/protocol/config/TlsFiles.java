package io.chuk.protocol.config;

import io.chuk.protocol.tls.PemKeyStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an entry's {@code ssl_cert} and {@code ssl_key} when the configuration is loaded, each
 * problem under the key of the file at fault. Files are size-checked before they are read, so a
 * path to a device or a huge file is refused instead of read without end.
 */
final class TlsFiles {

    private TlsFiles() {
    }

    /** A check of one file's content, such as {@link PemKeyStore#certificates}. */
    private interface Reading {
        void read(Path file) throws IOException;
    }

    static void check(String prefix, String certificate, String key, List<ConfigException.Problem> problems) {
        Path certificateFile = usable(prefix + "ssl_cert", "certificate", certificate, PemKeyStore::certificates,
                problems);
        Path keyFile = usable(prefix + "ssl_key", "key", key, PemKeyStore::privateKey, problems);
        if (certificateFile != null && keyFile != null) {
            try {
                PemKeyStore.load(certificateFile, keyFile);
            } catch (IOException | RuntimeException e) {
                problems.add(new ConfigException.Problem(prefix + "ssl_key",
                        "cannot use the TLS certificate and key: " + e.getMessage()));
            }
        }
    }

    /** The file, if it exists, is a regular file within the size limit and {@code reading} accepts it. */
    private static Path usable(String key, String what, String name, Reading reading,
                               List<ConfigException.Problem> problems) {
        String reason;
        try {
            Path file = Path.of(name);
            if (!Files.exists(file)) {
                reason = "TLS file not found: " + name;
            } else if (!Files.isRegularFile(file)) {
                reason = "TLS file " + name + " is not a regular file";
            } else if (Files.size(file) > ConfigText.MAX_BYTES) {
                reason = "TLS file " + name + " is " + Files.size(file) + " bytes, more than the limit of "
                        + ConfigText.MAX_BYTES;
            } else {
                reading.read(file);
                return file;
            }
        } catch (InvalidPathException e) {
            reason = "not a valid path: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            reason = "cannot use the TLS " + what + ": " + e.getMessage();
        }
        problems.add(new ConfigException.Problem(key, reason));
        return null;
    }
}
