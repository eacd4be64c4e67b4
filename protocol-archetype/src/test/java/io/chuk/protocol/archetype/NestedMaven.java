package io.chuk.protocol.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mvn} as a child process, offline: its local repository is the staging repository that
 * holds this reactor's artifacts, and every other artifact comes from the outer build's local
 * repository, read as a {@code file:} mirror. Nothing is ever written to that one.
 */
final class NestedMaven {

    private final Path settings;
    private final Path logs;
    private final Duration limit;

    NestedMaven(Path workDirectory, Duration limit) throws IOException {
        this.limit = limit;
        this.logs = Files.createDirectories(workDirectory.resolve("logs"));
        Path staging = Path.of(required("staging.repository"));
        Path mirror = Path.of(required("mirror.repository"));
        settings = workDirectory.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>outer-local</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(staging.toAbsolutePath(), mirror.toAbsolutePath().toUri()));
    }

    /** Runs {@code mvn ARGS} in {@code directory}; fails the test, with the log's tail, unless it exits 0. */
    void run(Path directory, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable(), "-B", "-o", "-s", settings.toString(),
                // offline, yet the file: mirror may be read
                "-Daether.offline.protocols=file"));
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mvn " + name + " took longer than " + limit + "\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("mvn " + name + " exited " + process.exitValue() + "\n" + tail(log));
        }
    }

    private static String executable() {
        Path mvn = Path.of(required("maven.home"), "bin", "mvn");
        return Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run through mvn verify");
        }
        return value;
    }
}
