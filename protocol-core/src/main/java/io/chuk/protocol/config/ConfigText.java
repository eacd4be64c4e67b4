package io.chuk.protocol.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a configuration file: at most {@link #MAX_BYTES} bytes, read before anything is
 * parsed (so a huge file costs no more than reading its first MiB), and strictly UTF-8, with the
 * position of the first bad byte instead of the JDK's bare "Input length = 1".
 */
final class ConfigText {

    /** The largest configuration accepted, in bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    private ConfigText() {
    }

    static String read(Path file, String source) throws ConfigException {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw tooLarge(source, Files.size(file) + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, source);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads at most one byte past the limit, so a stream that never ends (a device, a pipe) is refused too. */
    static String read(InputStream in, String source) throws IOException, ConfigException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, null);
        }
        return decode(bytes, source);
    }

    private static String decode(byte[] bytes, String source) throws ConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ConfigException(source, "", notUtf8(bytes, in.position()));
        }
        return out.flip().toString();
    }

    static void checkLength(String text, String source) throws ConfigException {
        if (text.length() > MAX_BYTES) {
            throw tooLarge(source, text.length() + " characters");
        }
    }

    /** {@code size} as "N bytes", or null when unknown (a stream). */
    private static ConfigException tooLarge(String source, String size) {
        String limit = MAX_BYTES + " bytes (1 MiB); it was not parsed";
        return new ConfigException(source, "", size == null ? "the configuration is larger than the limit of " + limit
                : "the configuration is " + size + ", more than the limit of " + limit);
    }

    /** Where the first bad byte is: its offset, and the line and column (in characters) it falls on. */
    private static String notUtf8(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) { // count characters, not their continuation bytes
                column++;
            }
        }
        String hint = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))
                ? "; it starts with a UTF-16 byte order mark" : "";
        return String.format("not valid UTF-8: byte 0x%02X at offset %d (line %d, column %d)%s; save the file as UTF-8",
                bytes[offset] & 0xFF, offset, line, column, hint);
    }
}
