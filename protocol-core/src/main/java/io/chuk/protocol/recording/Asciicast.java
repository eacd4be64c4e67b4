package io.chuk.protocol.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The lines of an asciicast v2 file: a JSON header object, then one JSON array per event
 * ({@code [seconds, code, data]}), each line ending with LF. Strings are written by Jackson, so
 * every control character is escaped and each line is valid JSON and valid UTF-8 (an unpaired
 * surrogate a handler sent becomes {@code ?}).
 */
final class Asciicast {

    /** Output to the terminal. */
    static final String OUTPUT = "o";
    /** What the user typed. */
    static final String INPUT = "i";
    /** The terminal was resized: data is {@code WxH}. */
    static final String RESIZE = "r";
    /** A marker: data is its label. */
    static final String MARKER = "m";

    /** Lower-case hex in escapes, as asciinema (Python's json) writes them. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

    /** {@code ": "} and {@code ", "} between items, all on one line, as asciinema writes them. */
    private static final DefaultPrettyPrinter ONE_LINE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.AFTER)
            .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
            .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());

    private Asciicast() {
    }

    /** The header line: {@code {"version": 2, "width": W, "height": H, "timestamp": T, "title": ..., "env": {...}}}. */
    static byte[] header(int width, int height, long timestamp, String title, Map<String, String> env) {
        return line(out -> {
            out.writeStartObject();
            out.writeNumberField("version", 2);
            out.writeNumberField("width", width);
            out.writeNumberField("height", height);
            out.writeNumberField("timestamp", timestamp);
            out.writeStringField("title", title);
            out.writeObjectFieldStart("env");
            for (Map.Entry<String, String> variable : env.entrySet()) {
                out.writeStringField(variable.getKey(), variable.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        });
    }

    /** An event line: {@code [1.234567, "o", "text"]}, the time in seconds with microseconds. */
    static byte[] event(double seconds, String code, String data) {
        return line(out -> {
            out.writeStartArray();
            out.writeNumber(String.format(Locale.ROOT, "%.6f", seconds));
            out.writeString(code);
            out.writeString(data);
            out.writeEndArray();
        });
    }

    private interface Content {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] line(Content content) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.setPrettyPrinter(ONE_LINE.createInstance());
            content.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
