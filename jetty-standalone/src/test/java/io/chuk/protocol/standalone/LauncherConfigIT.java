package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration errors the launcher used to report late or under another key: each now ends the
 * launcher at once, naming the key at fault. Names use the reserved {@code .invalid} domain.
 */
class LauncherConfigIT {

    private static final String HANDLER = "io.chuk.protocol.samples.echo.EchoTelnetHandler";

    @TempDir
    Path dir;

    @Test
    void anUnresolvableHostIsReportedUnderHostNotAsAFailureToListen() throws Exception {
        Path config = dir.resolve("host.yaml");
        Files.writeString(config, "servers:\n  tcp:\n    transport: tcp\n    port: 0\n    host: nosuch.invalid\n"
                + "    handler_class: " + HANDLER + "\n");
        try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
            assertEquals(1, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains(config + ": servers.tcp.host: cannot resolve host 'nosuch.invalid'"), output);
            assertFalse(output.contains("cannot listen"), output);
        }
    }

    @Test
    void anUnresolvableHostOnTheCommandLineIsAUsageError() throws Exception {
        try (LauncherProcess launcher = new LauncherProcess(HANDLER, "--host", "nosuch.invalid", "--port", "0")) {
            assertEquals(2, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains("--host: cannot resolve host 'nosuch.invalid'"), output);
            assertFalse(output.contains("cannot listen"), output);
        }
    }

    @Test
    void aHugeConfigurationIsRefusedBeforeParsing() throws Exception {
        Path config = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(config.toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024); // sparse: the size is what is refused
        }
        try (LauncherProcess launcher = new LauncherProcess("-c", config.toString())) {
            assertEquals(1, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains(config + ": the configuration is 104857600 bytes, more than the limit of "
                    + "1048576 bytes (1 MiB); it was not parsed"), output);
        }
    }

    @Test
    void configSearchRunsChukConfigWhenSetElseTheFirstFileThatExists() throws Exception {
        Path named = Files.writeString(dir.resolve("named.yaml"), "servers:\n  tcp:\n    transport: tcp\n    port: 70000\n"
                + "    handler_class: " + HANDLER + "\n");
        Path mounted = Files.writeString(dir.resolve("mounted.yaml"), "servers:\n  tcp:\n    transport: tcp\n    port: 80000\n"
                + "    handler_class: " + HANDLER + "\n");
        String search = dir.resolve("absent.yaml") + "," + mounted;
        try (LauncherProcess launcher = LauncherProcess.withEnvironment("CHUK_CONFIG", named.toString(),
                "--config-search", search)) {
            assertEquals(1, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains(named + ": servers.tcp.port: must be between 0 and 65535, got 70000"), output);
        }
        try (LauncherProcess launcher = LauncherProcess.withEnvironment("CHUK_CONFIG", "", "--config-search", search)) {
            assertEquals(1, launcher.awaitExit());
            String output = launcher.output();
            assertTrue(output.contains(mounted + ": servers.tcp.port: must be between 0 and 65535, got 80000"), output);
        }
    }
}
