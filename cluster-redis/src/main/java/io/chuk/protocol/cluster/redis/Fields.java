package io.chuk.protocol.cluster.redis;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text records of {@code key=value} pairs joined by {@code &}, each part URL-encoded: what the
 * cluster stores and publishes. Any text survives a round trip, and a record from another
 * version with keys this one does not know still decodes.
 */
final class Fields {

    private final List<Map.Entry<String, String>> pairs = new ArrayList<>();

    Fields add(String key, String value) {
        if (value != null) {
            pairs.add(Map.entry(key, value));
        }
        return this;
    }

    String encode() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The pairs of a record, in order; a malformed record gives what could be read of it. */
    static Fields decode(String text) {
        Fields fields = new Fields();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String part : text.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    fields.add(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a bad escape: the pair is skipped, the record still reads
                }
            }
        }
        return fields;
    }

    List<Map.Entry<String, String>> pairs() {
        return pairs;
    }

    Optional<String> first(String key) {
        return pairs.stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
    }

    String get(String key) {
        return first(key).orElse(null);
    }

    List<String> all(String key) {
        return pairs.stream().filter(p -> p.getKey().equals(key)).map(Map.Entry::getValue).toList();
    }
}
