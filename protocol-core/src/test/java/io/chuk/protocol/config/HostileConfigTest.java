package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files made to cost time or memory: each is loaded or refused quickly, with a message saying why. */
class HostileConfigTest {

    private static final String VALID = "transport: tcp\nhandler_class: " + GoodHandler.class.getName() + "\n";
    /** Generous for a slow, shared CI machine; refusing by size reads at most 1 MiB. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(2);

    private final ConfigLoader loader = new ConfigLoader(HostileConfigTest.class.getClassLoader());

    @TempDir
    Path dir;

    /** Loads {@code file}, failing the test if that takes longer than {@code bound}; returns the refusal. */
    private ConfigException refusedWithin(Duration bound, Path file) {
        long start = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(bound) < 0, () -> "took " + took.toMillis() + " ms, bound " + bound.toMillis() + " ms");
        assertEquals(file.toString(), e.source());
        return e;
    }

    /** A file of {@code size} bytes: a key, then one line of 'x' (the shape that took SnakeYAML minutes). */
    private Path singleLine(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        byte[] head = "welcome_message: ".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            for (long left = size - head.length; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        assertEquals(size, Files.size(file));
        return file;
    }

    private static void assertMessage(ConfigException e, String expected) {
        assertTrue(e.getMessage().contains(e.source() + ": " + expected),
                () -> "expected '" + e.source() + ": " + expected + "' in:\n" + e.getMessage());
    }

    @Test
    void a100MegabyteFileIsRefusedBeforeParsing() throws IOException {
        Path file = singleLine("huge.yaml", 100L * 1024 * 1024);
        ConfigException e = refusedWithin(REFUSAL_BOUND, file);
        assertMessage(e, "the configuration is 104857600 bytes, more than the limit of 1048576 bytes (1 MiB); it was not parsed");
        assertEquals(1, e.problems().size());
    }

    @Test
    void a10MegabyteSingleLineIsRefusedBeforeParsing() throws IOException {
        Path file = singleLine("ten.yaml", 10L * 1024 * 1024);
        assertMessage(refusedWithin(REFUSAL_BOUND, file),
                "the configuration is 10485760 bytes, more than the limit of 1048576 bytes (1 MiB)");
    }

    @Test
    void aFileOneByteOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws IOException {
        assertMessage(refusedWithin(REFUSAL_BOUND, singleLine("over.yaml", ConfigLoader.MAX_FILE_SIZE + 1)),
                "the configuration is 1048577 bytes, more than the limit");
        ConfigException atLimit = refusedWithin(REFUSAL_BOUND, singleLine("at.yaml", ConfigLoader.MAX_FILE_SIZE));
        assertFalse(atLimit.getMessage().contains("more than the limit of 1048576 bytes"), atLimit::getMessage);
    }

    @Test
    void aSinglePathologicalTokenJustUnderTheLimitIsRefusedWithinTheBound() throws IOException {
        Path file = singleLine("token.yaml", ConfigLoader.MAX_FILE_SIZE - 1);
        ConfigException e = refusedWithin(ConfigLoader.MAX_LOAD_TIME, file);
        assertMessage(e, "line 1 is 1048575 characters long, more than the limit of 65536; it was not parsed");
    }

    @Test
    void longTokensWithinTheLineLimitLoadWithinTheBound() throws Exception {
        StringBuilder yaml = new StringBuilder(VALID).append("allow_origins:\n");
        String token = "x".repeat(BoundedYaml.MAX_LINE_LENGTH - 2);
        while (yaml.length() + token.length() + 3 < ConfigLoader.MAX_FILE_SIZE) {
            yaml.append("- ").append(token).append('\n');
        }
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, yaml);
        long start = System.nanoTime();
        ServerConfig server = loader.load(file).servers().get(0);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(ConfigLoader.MAX_LOAD_TIME) < 0);
        assertEquals(15, server.allowOrigins().size());
        assertEquals(token, server.allowOrigins().get(0));
    }

    @Test
    void aStreamThatNeverEndsIsRefusedAfterTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "needs /dev/zero");
        assertMessage(refusedWithin(REFUSAL_BOUND, zero),
                "the configuration is larger than the limit of 1048576 bytes (1 MiB); it was not parsed");
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        byte[] start = (VALID + "welcome_message: caf\u00e9 ").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(start, start.length + 2);
        bytes[start.length] = (byte) 0xE9; // 'é' in ISO-8859-1, a lone lead byte in UTF-8
        bytes[start.length + 1] = '\n';
        Files.write(file, bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
        assertMessage(e, "not valid UTF-8: byte 0xE9 at offset " + start.length + " (line 3, column 23); save the file as UTF-8");
        assertFalse(e.getMessage().contains("Input length"), e::getMessage);
    }

    @Test
    void utf16IsRecognisedByItsByteOrderMark() throws IOException {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_16LE));
        assertMessage(assertThrows(ConfigException.class, () -> loader.load(file)),
                "not valid UTF-8: byte 0xFF at offset 0 (line 1, column 1); it starts with a UTF-16 byte order mark");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + VALID + "port: 9001\n");
        assertEquals(9001, loader.load(file).servers().get(0).port());
    }

    @Test
    void longIntegersAreRefusedBeforeTheJdkParsesThem() {
        String digits = "7".repeat(50_000);
        String yaml = VALID + "port: !!int \"" + digits.replaceAll("(.{10000})", "$1\\\\\n") + "\"\n";
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml: line 3, column 7: an integer of 50000 characters, more than the limit of 100"),
                e::getMessage);
    }

    @Test
    void aValueTheTagCannotConstructIsReportedWithItsPosition() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(VALID + "port: !!int servers\n", "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml: not valid YAML: line 3, column 7: not a valid !!int: For input string: \"servers\""),
                e::getMessage);
    }

    @Test
    void tooManyValuesAreRefused() {
        String yaml = VALID + "allow_origins: [" + "a, ".repeat(BoundedYaml.MAX_NODES) + "a]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml: more than 20000 YAML values (the limit); it was not loaded"), e::getMessage);
    }

    @Test
    void deepNestingIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.parse(VALID + "allow_origins: " + "[".repeat(10_000) + "\n", "t.yaml"));
        assertTrue(e.getMessage().contains("Nesting Depth exceeded max 20"), e::getMessage);
    }

    @Test
    void aliasesThatMultiplyAStructureCostOnlyABoundedMessage() {
        StringBuilder yaml = new StringBuilder(VALID).append("trusted_proxies: &l0 [").append("a, ".repeat(5000)).append("a]\n");
        for (int level = 1; level <= 6; level++) {
            yaml.append("x").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append(", *l").append(level - 1).append("]\n");
        }
        yaml.append("allow_origins: *l6\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml.toString(), "t.yaml"));
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("allow_origins")
                && p.reason().startsWith("must be a list of strings, got list '[[[[[[[a, a, a")), e::getMessage);
        assertTrue(e.getMessage().length() < 10_000, "a 3^6-fold expansion is shown in a few characters");
        assertTrue(assertThrows(ConfigException.class, () -> loader.parse(VALID + "x: &a [*a, *a, *a, *a, *a, *a, *a, "
                + "*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n", "t.yaml")).getMessage()
                .contains("Number of aliases for non-scalar nodes exceeds the specified max=20"));
    }

    @Test
    void aStructureThatContainsItselfIsShownWithoutOverflowingTheStack() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.parse(VALID + "allow_origins: &r [[*r]]\n", "t.yaml"));
        assertTrue(e.getMessage().contains("allow_origins: must be a list of strings, got list '[[[[[["), e::getMessage);
    }

    @Test
    void collectionsAsKeysAreRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(VALID + "? [a, b]\n: 1\n", "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml: line 3, column 3: a list cannot be a key"), e::getMessage);
    }

    @Test
    void aLongUnknownKeyIsShortenedInTheMessage() {
        String key = "k".repeat(60_000);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(VALID + "? " + key + "\n: 1\n", "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml: " + "k".repeat(Preview.LIMIT) + "...: unknown key"), e::getMessage);
        assertTrue(e.getMessage().length() < ConfigException.MAX_LINE * 2, "message length " + e.getMessage().length());
    }

    @Test
    void manyProblemsAreAllKeptButTheMessageListsAFewAndCountsTheRest() {
        StringBuilder yaml = new StringBuilder("servers:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("  s").append(i).append(": {transport: tcp, handler_class: ")
                    .append(GoodHandler.class.getName()).append(", port: 0, colour: red}\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml.toString(), "t.yaml"));
        assertEquals(200, e.problems().size());
        assertEquals(ConfigException.MAX_LISTED + 2, e.getMessage().lines().count(), "header, 50 problems, the count");
        assertTrue(e.getMessage().endsWith("t.yaml: and 150 more problems"), e::getMessage);
    }

    @Test
    void controlCharactersFromTheFileCannotStartANewLogLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.parse(VALID + "\"evil\\nINFO fake\": 1\n", "t.yaml"));
        assertEquals(2, e.getMessage().lines().count(), e::getMessage);
        assertTrue(e.getMessage().contains("t.yaml: evil?INFO fake: unknown key"), e::getMessage);
    }
}
