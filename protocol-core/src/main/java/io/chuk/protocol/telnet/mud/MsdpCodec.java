package io.chuk.protocol.telnet.mud;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MSDP's wire format, both ways: {@code MSDP_VAR name MSDP_VAL value}, where a value is text, a
 * table ({@code TABLE_OPEN (VAR name VAL value)* TABLE_CLOSE}) or an array
 * ({@code ARRAY_OPEN (VAL value)* ARRAY_CLOSE}); several {@code VAL}s after one {@code VAR} are
 * an array too. Values come out as {@code String}, unmodifiable {@code List} and {@code Map}.
 * Parsing is bounded by the body's length and by {@link #MAX_DEPTH}; anything else is malformed.
 */
public final class MsdpCodec {

    public static final int VAR = 1;
    public static final int VAL = 2;
    public static final int TABLE_OPEN = 3;
    public static final int TABLE_CLOSE = 4;
    public static final int ARRAY_OPEN = 5;
    public static final int ARRAY_CLOSE = 6;

    /** Deepest nesting of tables and arrays, each way. */
    public static final int MAX_DEPTH = 16;

    private MsdpCodec() {
    }

    /** One variable and its value. */
    public record Variable(String name, Object value) {
    }

    /**
     * The variables of a sub-negotiation body, in order.
     *
     * @throws IllegalArgumentException when the body is not well-formed MSDP, saying where
     */
    public static List<Variable> parse(byte[] body, int off, int len) {
        Reader reader = new Reader(body, off, off + len);
        List<Variable> variables = new ArrayList<>();
        while (!reader.atEnd()) {
            variables.add(reader.variable(0));
        }
        return variables;
    }

    /** The body {@code VAR name VAL value}. */
    public static byte[] encode(String name, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        variable(out, name, value, 0);
        return out.toByteArray();
    }

    /**
     * {@code value} as MSDP keeps it: scalars as their text ({@code null} as empty), lists and
     * maps as unmodifiable copies, so two values compare equal when they encode the same.
     *
     * @throws IllegalArgumentException for another type, a non-string key, text with an MSDP
     *                                  control byte, or nesting deeper than {@link #MAX_DEPTH}
     */
    public static Object normalise(Object value) {
        return normalise(value, 0);
    }

    private static Object normalise(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("MSDP values nest at most " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return checkedText(String.valueOf(value));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("an MSDP table key must be a String: " + entry.getKey());
                }
                copy.put(checkedName(key), normalise(entry.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Iterable<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(normalise(item, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not an MSDP value (String, Number, Boolean, List or Map): "
                + value.getClass().getName());
    }

    /** {@code name} if it can be an MSDP variable name: not blank, no control characters. */
    public static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an MSDP variable name must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < ' ') {
                throw new IllegalArgumentException("an MSDP variable name has a control character at " + i);
            }
        }
        return name;
    }

    private static String checkedText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= VAR && c <= ARRAY_CLOSE) {
                throw new IllegalArgumentException("MSDP text cannot hold the control byte " + (int) c);
            }
        }
        return text;
    }

    private static void variable(ByteArrayOutputStream out, String name, Object value, int depth) {
        out.write(VAR);
        out.writeBytes(checkedName(name).getBytes(StandardCharsets.UTF_8));
        out.write(VAL);
        value(out, normalise(value, depth), depth);
    }

    private static void value(ByteArrayOutputStream out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            out.write(TABLE_OPEN);
            map.forEach((key, item) -> variable(out, (String) key, item, depth + 1));
            out.write(TABLE_CLOSE);
        } else if (value instanceof List<?> list) {
            out.write(ARRAY_OPEN);
            for (Object item : list) {
                out.write(VAL);
                value(out, item, depth + 1);
            }
            out.write(ARRAY_CLOSE);
        } else {
            out.writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A recursive-descent reader over one body. */
    private static final class Reader {
        private final byte[] b;
        private final int end;
        private int pos;

        Reader(byte[] b, int from, int end) {
            this.b = b;
            this.pos = from;
            this.end = end;
        }

        boolean atEnd() {
            return pos >= end;
        }

        private int peek() {
            return pos < end ? b[pos] & 0xFF : -1;
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException("malformed MSDP: " + what + " at byte " + pos);
        }

        /** {@code VAR name (VAL value)*}. */
        Variable variable(int depth) {
            if (peek() != VAR) {
                throw malformed("expected MSDP_VAR");
            }
            pos++;
            String name = text();
            if (name.isEmpty()) {
                throw malformed("empty variable name");
            }
            List<Object> values = new ArrayList<>(1);
            while (peek() == VAL) {
                pos++;
                values.add(value(depth));
            }
            if (values.isEmpty()) {
                throw malformed("MSDP_VAR " + name + " without MSDP_VAL");
            }
            return new Variable(name, values.size() == 1 ? values.get(0) : Collections.unmodifiableList(values));
        }

        private Object value(int depth) {
            if (depth >= MAX_DEPTH) {
                throw malformed("nested deeper than " + MAX_DEPTH + " levels");
            }
            int next = peek();
            if (next == TABLE_OPEN) {
                pos++;
                Map<String, Object> table = new LinkedHashMap<>();
                while (peek() != TABLE_CLOSE) {
                    if (atEnd()) {
                        throw malformed("table not closed");
                    }
                    Variable entry = variable(depth + 1);
                    table.put(entry.name(), entry.value());
                }
                pos++;
                return Collections.unmodifiableMap(table);
            }
            if (next == ARRAY_OPEN) {
                pos++;
                List<Object> array = new ArrayList<>();
                while (peek() != ARRAY_CLOSE) {
                    if (peek() != VAL) {
                        throw malformed(atEnd() ? "array not closed" : "expected MSDP_VAL in array");
                    }
                    pos++;
                    array.add(value(depth + 1));
                }
                pos++;
                return Collections.unmodifiableList(array);
            }
            return text();
        }

        /** Bytes up to the next MSDP control byte, as UTF-8 (bad bytes replaced). */
        private String text() {
            int start = pos;
            while (pos < end && ((b[pos] & 0xFF) < VAR || (b[pos] & 0xFF) > ARRAY_CLOSE)) {
                pos++;
            }
            return new String(b, start, pos - start, StandardCharsets.UTF_8);
        }
    }
}
