package io.chuk.protocol.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void withoutOursBTheServersAreTheOnesNamed() {
        BenchOptions options = BenchOptions.parse(new String[] {"--servers", "netty,ours"});
        assertEquals(List.of("ours", "netty"), options.servers());
        assertNull(options.oursB());
    }

    @Test
    void oursBRunsRightAfterOurs(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("bench.jar"));
        BenchOptions options = BenchOptions.parse(new String[] {"--servers", "ours,netty,jetty-core", "--ours-b", jar.toString()});
        assertEquals(List.of("ours", BenchOptions.OURS_B, "netty", "jetty-core"), options.servers());
        assertEquals(jar.toString(), options.oursB());
    }

    @Test
    void oursBNeedsOursAndAJarThatExists(@TempDir Path dir) {
        IllegalArgumentException noOurs = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--servers", "netty", "--ours-b", dir.toString()}));
        assertTrue(noOurs.getMessage().contains("must include"), noOurs.getMessage());
        IllegalArgumentException noJar = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--ours-b", dir.resolve("missing.jar").toString()}));
        assertTrue(noJar.getMessage().contains("no such jar"), noJar.getMessage());
    }

    @Test
    void oursBsOwnJvmOptionsComeAfterEveryServersAndOnlyForIt(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("bench.jar"));
        BenchOptions options = BenchOptions.parse(new String[] {"--servers", "ours,netty", "--ours-b", jar.toString(),
                "--server-jvm-arg", "-Xmx1g", "--ours-b-jvm-arg", "-XX:TypeProfileWidth=8"});
        assertEquals(List.of("-Xmx1g"), options.jvmArgs("ours"));
        assertEquals(List.of("-Xmx1g"), options.jvmArgs("netty"));
        assertEquals(List.of("-Xmx1g", "-XX:TypeProfileWidth=8"), options.jvmArgs(BenchOptions.OURS_B));
    }

    @Test
    void oursBsJvmOptionsNeedOursB() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--ours-b-jvm-arg", "-Xint"}));
        assertTrue(error.getMessage().contains("--ours-b"), error.getMessage());
    }
}
