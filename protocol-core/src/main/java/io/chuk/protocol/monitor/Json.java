package io.chuk.protocol.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The monitor protocol's JSON, through Jackson: messages written from maps, lists, strings, numbers
 * and booleans, and one viewer request read as a tree (bounded in depth and size, anything malformed refused).
 *
 * <p>The text looks like the original's ({@code {"type": "x", "list": [1, 2]}}). Control characters,
 * U+2028/U+2029 and every surrogate are written as {@code \}{@code u} escapes, so a message is one
 * line, safe inside JavaScript, and valid UTF-8 on the wire even when a handler wrote half a pair.
 */
final class Json {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_REQUEST_CHARS = 64 * 1024;

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .characterEscapes(new Escapes())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_REQUEST_CHARS)
                    .build())
            .build();

    /** {@code ": "} and {@code ", "} between items, on one line, {@code {}} and {@code []} when empty. */
    private static final DefaultPrettyPrinter ONE_LINE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.AFTER)
            .withArrayValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
            .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());

    /** Maps, lists, strings, numbers and booleans as the original wrote them; a request's trailing text is refused. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(ONE_LINE);

    private Json() {
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a monitor message could not be written", e);
        }
    }

    /** Parses one JSON value; anything malformed, too deep or too long is an {@link IllegalArgumentException}. */
    static JsonNode read(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Jackson's standard escapes, plus U+2028, U+2029 and surrogates (see the class comment). */
    private static final class Escapes extends CharacterEscapes {
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return LINE_SEPARATOR;
            }
            if (ch == 0x2029) {
                return PARAGRAPH_SEPARATOR;
            }
            if (Character.isSurrogate((char) ch)) {
                return new SerializedString("\\u" + Integer.toHexString(ch));
            }
            return null;
        }
    }
}
