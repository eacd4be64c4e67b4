package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher loads the Redis cluster only for a configuration with a {@code cluster:} section. */
class ClusterLauncherIT {

    private static final String LOADED = "[class,load] io.lettuce.";

    @TempDir
    Path dir;

    @Test
    void withoutAClusterSectionNoRedisClassIsLoaded() throws Exception {
        Path config = dir.resolve("alone.yaml");
        Files.writeString(config, """
                servers:
                  chat:
                    transport: tcp
                    port: 0
                    handler_class: %s
                """.formatted(ClusterNodeProcess.CHAT));
        String output = runUntilStarted(config, "chat");
        assertTrue(output.contains("[class,load] io.chuk.protocol.runtime.ProtocolRuntime"),
                "the class log works: " + output.length() + " chars");
        assertFalse(output.contains(LOADED), "a Lettuce class was loaded");
        assertFalse(output.contains("[class,load] io.chuk.protocol.cluster.redis."), "the cluster module was loaded");
    }

    @Test
    void withAClusterSectionTheRedisClusterIsLoaded() throws Exception {
        Path config = dir.resolve("clustered.yaml");
        // Nothing listens on port 1: the node starts degraded, which is enough to load the client.
        Files.writeString(config, """
                cluster:
                  redis_uri: redis://127.0.0.1:1
                  node_name: lonely
                servers:
                  chat:
                    transport: tcp
                    port: 0
                    handler_class: %s
                """.formatted(ClusterNodeProcess.CHAT));
        String output = runUntilStarted(config, "chat");
        assertTrue(output.contains(LOADED), "Lettuce was loaded");
        assertTrue(output.contains("[class,load] io.chuk.protocol.cluster.redis.RedisClusterFactory"), "via the service");
    }

    private static String runUntilStarted(Path config, String server) throws Exception {
        try (LauncherProcess launcher = LauncherProcess.withJvmOptions(List.of("-verbose:class"),
                "--config", config.toString())) {
            launcher.awaitPort(server);
            launcher.terminate();
            launcher.awaitExit();
            return launcher.output();
        }
    }
}
