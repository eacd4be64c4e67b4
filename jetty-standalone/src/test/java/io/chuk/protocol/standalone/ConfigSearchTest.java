package io.chuk.protocol.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigSearchTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsEvenOverAnExistingCandidate() throws Exception {
        Path mounted = Files.writeString(dir.resolve("mounted.yaml"), "servers: {}\n");
        Path named = dir.resolve("named.yaml");
        assertEquals(Optional.of(named), ConfigSearch.choose(named.toString(), List.of(mounted)));
    }

    @Test
    void withoutTheEnvironmentTheFirstExistingCandidateIsChosen() throws Exception {
        Path absent = dir.resolve("absent.yaml");
        Path present = Files.writeString(dir.resolve("present.yaml"), "servers: {}\n");
        Path later = Files.writeString(dir.resolve("later.yaml"), "servers: {}\n");
        assertEquals(Optional.of(present), ConfigSearch.choose(null, List.of(absent, dir, present, later)));
        assertEquals(Optional.of(present), ConfigSearch.choose(" ", List.of(absent, present)));
    }

    @Test
    void noneWhenNothingExists() {
        assertEquals(Optional.empty(), ConfigSearch.choose("", List.of(dir.resolve("absent.yaml"))));
    }
}
