package io.chuk.protocol.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real programs some tests drive (telnet, expect, plink, HAProxy, TinTin++, redis-server), installed by
 * the project's own script when missing; a test that needs them fails rather than skips when they cannot be had.
 * The script is {@code client.tools.script} when that system property is set, else
 * {@code ../scripts/ensure-client-tools.sh} (from a module's directory, where Maven runs its tests).
 */
public final class ClientTools {

    private static final Duration INSTALL = Duration.ofMinutes(10);
    private static boolean ensured;

    private ClientTools() {
    }

    /** The TinTin++ program: Debian puts it in /usr/games, which may not be on the PATH. */
    public static String tintin() {
        Path games = Path.of("/usr/games/tt++");
        return Files.isExecutable(games) ? games.toString() : "tt++";
    }

    /** Runs the install script once per JVM; fails with its log if it fails or takes longer than 10 minutes. */
    public static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (ensured) {
            return;
        }
        Path script = Path.of(System.getProperty("client.tools.script",
                Path.of("..", "scripts", "ensure-client-tools.sh").toString()));
        // Its log goes to a file, so that the bound below holds even if the script never closes its output.
        Path log = Files.createTempFile("client-tools", ".log");
        try {
            Process install = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(INSTALL.toMinutes(), TimeUnit.MINUTES)) {
                install.destroyForcibly();
                throw new AssertionError("installing the client tools (" + script + ") took over " + INSTALL
                        + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (install.exitValue() != 0) {
                throw new AssertionError("cannot install the client tools (" + script + "), exit "
                        + install.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(log);
        }
        ensured = true;
    }
}
