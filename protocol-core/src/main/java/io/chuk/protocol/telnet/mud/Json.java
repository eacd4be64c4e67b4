package io.chuk.protocol.telnet.mud;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GMCP's JSON, both ways, with the streaming Jackson core: plain Java values ({@code Map},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}) to text and back.
 * Reading is bounded by nesting depth as well as by the sub-negotiation limit on the text.
 */
public final class Json {

    /** Deepest nesting read or written; GMCP messages are a few levels deep. */
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Why a text is not one JSON value. */
    public static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private Json() {
    }

    /**
     * The JSON text of {@code value}.
     *
     * @throws IllegalArgumentException for a value of another type, a non-string map key or deeper nesting than {@link #MAX_DEPTH}
     */
    public static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(out, value, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger big) {
            out.writeNumber(big);
        } else if (value instanceof java.math.BigDecimal decimal) {
            out.writeNumber(decimal);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.writeNumber(d);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON object key must be a String: " + entry.getKey());
                }
                out.writeFieldName(key);
                write(out, entry.getValue(), depth + 1);
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item, depth + 1);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value (Map, List, String, Number, Boolean or null): "
                    + value.getClass().getName());
        }
    }

    /** The value of a JSON text: maps keep their order, numbers are {@code Long} or {@code Double} (or big). */
    public static Object read(String text) throws Malformed {
        try (JsonParser in = FACTORY.createParser(text)) {
            JsonToken first = in.nextToken();
            if (first == null) {
                throw new Malformed("no JSON value");
            }
            Object value = read(in, first, 0);
            if (in.nextToken() != null) {
                throw new Malformed("text after the JSON value at column " + in.currentLocation().getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new Malformed(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
    }

    private static Object read(JsonParser in, JsonToken token, int depth) throws IOException, Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = in.nextToken(); t != JsonToken.END_OBJECT; t = in.nextToken()) {
                    String key = in.currentName();
                    map.put(key, read(in, in.nextToken(), depth + 1));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
                    list.add(read(in, t, depth + 1));
                }
                return list;
            }
            case VALUE_STRING:
                return in.getText();
            case VALUE_NUMBER_INT:
                return in.getNumberValue() instanceof java.math.BigInteger big ? big : in.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return in.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Malformed("unexpected " + token);
        }
    }
}
