package io.chuk.protocol.standalone;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real programs some tests drive (telnet, expect, plink, HAProxy), installed by the project's
 * own script when missing; a test that needs them fails rather than skips when they cannot be had.
 */
final class ClientTools {
    private static boolean ensured;

    private ClientTools() {
    }

    static synchronized void ensureInstalled() throws Exception {
        if (ensured) {
            return;
        }
        Process install = new ProcessBuilder("bash", Path.of("..", "scripts", "ensure-client-tools.sh").toString())
                .redirectErrorStream(true).start();
        String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(10, TimeUnit.MINUTES), "installing the client tools timed out");
        assertEquals(0, install.exitValue(), "cannot install telnet, expect, plink and haproxy:\n" + log);
        ensured = true;
    }
}
