package io.chuk.protocol.standalone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real programs some tests drive (telnet, expect, plink, HAProxy, TinTin++), installed by the project's
 * own script when missing; a test that needs them fails rather than skips when they cannot be had.
 */
final class ClientTools {
    private static boolean ensured;

    private ClientTools() {
    }

    /** The TinTin++ program: Debian puts it in /usr/games, which may not be on the PATH. */
    static String tintin() {
        Path games = Path.of("/usr/games/tt++");
        return java.nio.file.Files.isExecutable(games) ? games.toString() : "tt++";
    }

    static synchronized void ensureInstalled() throws Exception {
        if (ensured) {
            return;
        }
        Process install = new ProcessBuilder("bash", Path.of("..", "scripts", "ensure-client-tools.sh").toString())
                .redirectErrorStream(true).start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(10, TimeUnit.MINUTES), "installing the client tools timed out");
        assertEquals(0, install.exitValue(), "cannot install telnet, expect, plink, haproxy and tintin++:\n" + log);
        ensured = true;
    }
}
