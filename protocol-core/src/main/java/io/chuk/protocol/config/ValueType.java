package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one YAML value becomes a typed setting, with its bounds. {@link #parse} gets the value as
 * SnakeYAML produced it ({@code null} for a key written without a value) and answers the setting,
 * {@code null} for "use the key's default", or throws {@link Invalid} with the reason.
 */
@FunctionalInterface
interface ValueType<T> {

    /** The longest seconds value of any key: a year. */
    int MAX_SECONDS = 31_536_000;

    T parse(Object raw) throws Invalid;

    /** Why a value was refused, worded for a message after the key. */
    final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static ValueType<String> string() {
        return raw -> {
            if (raw == null || raw instanceof String) {
                return (String) raw;
            }
            throw wrong("must be a string", raw);
        };
    }

    static ValueType<String> nonBlankString() {
        return raw -> {
            String value = string().parse(raw);
            if (value != null && value.isBlank()) {
                throw new Invalid("must not be empty");
            }
            return value;
        };
    }

    /** A string where the empty string means unset, like leaving the key out. */
    static ValueType<String> optionalString() {
        return raw -> {
            String value = string().parse(raw);
            return value == null || value.isEmpty() ? null : value;
        };
    }

    /** A URL path; a missing leading slash is added. */
    static ValueType<String> path() {
        return raw -> {
            String value = string().parse(raw);
            if (value == null) {
                return null;
            }
            if (value.isBlank() || value.contains("?") || value.contains(" ")) {
                throw new Invalid("must be a URL path such as /ws, got '" + value + "'");
            }
            return value.startsWith("/") ? value : "/" + value;
        };
    }

    static ValueType<Integer> integer(int min, int max) {
        return raw -> {
            if (raw == null) {
                return null;
            }
            if (!(raw instanceof Integer number)) {
                throw wrong("must be an integer", raw);
            }
            if (number < min || number > max) {
                throw new Invalid("must be between " + min + " and " + max + ", got " + number);
            }
            return number;
        };
    }

    /** Seconds, fractions allowed; {@code null} means zero, the original's "none". */
    static ValueType<Duration> seconds() {
        return raw -> {
            if (raw == null) {
                return Duration.ZERO;
            }
            if (!(raw instanceof Number number) || raw instanceof BigInteger) {
                throw wrong("must be a number of seconds", raw);
            }
            double value = number.doubleValue();
            if (Double.isNaN(value) || value < 0 || value > MAX_SECONDS) {
                throw new Invalid("must be between 0 and " + MAX_SECONDS + " seconds, got " + number);
            }
            return Duration.ofMillis(Math.round(value * 1000));
        };
    }

    /** Seconds for a deadline that must always apply: zero or null (which elsewhere means "none") is refused. */
    static ValueType<Duration> positiveSeconds() {
        return raw -> {
            Duration value = seconds().parse(raw);
            if (value.isZero()) {
                throw new Invalid("must be more than 0 seconds, got " + raw);
            }
            return value;
        };
    }

    static ValueType<Boolean> bool() {
        return raw -> {
            if (raw == null || raw instanceof Boolean) {
                return (Boolean) raw;
            }
            throw wrong("must be true or false", raw);
        };
    }

    static ValueType<List<String>> stringList() {
        return raw -> {
            if (raw == null) {
                return null;
            }
            if (raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw wrong("must be a list of strings", raw);
        };
    }

    /**
     * A map of names to text (numbers and booleans are taken as their text), at most
     * {@code maxEntries} long; names must not be empty, and neither may hold control characters.
     */
    static ValueType<Map<String, String>> stringMap(int maxEntries) {
        return raw -> {
            if (raw == null) {
                return null;
            }
            if (!(raw instanceof Map<?, ?> map)) {
                throw wrong("must be a map of names to values", raw);
            }
            if (map.size() > maxEntries) {
                throw new Invalid("must have at most " + maxEntries + " entries, got " + map.size());
            }
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name) || name.isEmpty()) {
                    throw new Invalid("has a key that is not a name: '" + Preview.of(entry.getKey()) + "'");
                }
                Object value = entry.getValue();
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new Invalid("value of '" + Preview.of(name) + "' must be text, a number or a boolean, got "
                            + (value == null ? "nothing" : describe(value)));
                }
                String text = String.valueOf(value);
                if ((name + text).chars().anyMatch(Character::isISOControl)) {
                    throw new Invalid("entry '" + Preview.of(name) + "' has a control character");
                }
                out.put(name, text);
            }
            return java.util.Collections.unmodifiableMap(out);
        };
    }

    /** A name from a fixed set, looked up by {@code byName}; {@code expected} lists the names for the message. */
    static <E> ValueType<E> choice(String what, Function<String, Optional<E>> byName, String expected) {
        return raw -> {
            String name = string().parse(raw);
            if (name == null) {
                return null;
            }
            return byName.apply(name).orElseThrow(() -> new Invalid("unknown " + what + " '" + Preview.of(name)
                    + "' (expected " + expected + ")"));
        };
    }

    static ValueType<Transport> transport() {
        return choice("transport", Transport::fromName, "telnet, tcp, websocket or ws_telnet");
    }

    private static Invalid wrong(String expectation, Object raw) {
        return new Invalid(expectation + ", got " + describe(raw));
    }

    private static String describe(Object value) {
        String kind = value instanceof String ? "string" : value instanceof Boolean ? "boolean"
                : value instanceof Number ? "number" : value instanceof List ? "list"
                : value instanceof Map ? "map" : value.getClass().getSimpleName();
        return kind + " '" + Preview.of(value) + "'";
    }
}
