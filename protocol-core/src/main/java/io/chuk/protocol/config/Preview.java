package io.chuk.protocol.config;

import java.util.Collection;
import java.util.Map;

/**
 * A value from the YAML as messages show it: at most {@link #LIMIT} characters. Unlike
 * {@code String.valueOf}, it never renders more than that, so a value that aliases a large
 * structure many times (or one that contains itself) costs a few characters, not gigabytes or a
 * stack overflow.
 */
final class Preview {

    static final int LIMIT = 80;

    private Preview() {
    }

    static String of(Object value) {
        StringBuilder text = new StringBuilder();
        append(value, text);
        return text.length() > LIMIT ? text.substring(0, LIMIT) + "..." : text.toString();
    }

    /** Stops as soon as the text is past the limit; each level appends before it recurses, so depth is bounded too. */
    private static void append(Object value, StringBuilder text) {
        if (text.length() > LIMIT) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (text.length() > LIMIT) {
                    return;
                }
                text.append(separator);
                append(entry.getKey(), text);
                text.append('=');
                append(entry.getValue(), text);
                separator = ", ";
            }
            text.append('}');
        } else if (value instanceof Collection<?> items) {
            text.append('[');
            String separator = "";
            for (Object item : items) {
                if (text.length() > LIMIT) {
                    return;
                }
                text.append(separator);
                append(item, text);
                separator = ", ";
            }
            text.append(']');
        } else if (value instanceof byte[] bytes) {
            text.append("<").append(bytes.length).append(" bytes>");
        } else {
            String string = String.valueOf(value);
            text.append(string, 0, Math.min(string.length(), LIMIT + 1 - text.length()));
        }
    }
}
