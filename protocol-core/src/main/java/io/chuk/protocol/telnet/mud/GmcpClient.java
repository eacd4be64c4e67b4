package io.chuk.protocol.telnet.mud;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a GMCP client said about itself: {@code Core.Hello} and the package list that
 * {@code Core.Supports.Set/Add/Remove} maintain. Bounded: at most {@link #MAX_PACKAGES} packages
 * and {@link #MAX_HELLO_FIELDS} hello fields are kept. Not thread-safe.
 */
public final class GmcpClient {

    /** Most supported packages kept; clients name a dozen or so. */
    public static final int MAX_PACKAGES = 64;
    /** Most {@code Core.Hello} fields kept. */
    public static final int MAX_HELLO_FIELDS = 16;

    private final Map<String, String> hello = new LinkedHashMap<>();
    /** Lower-cased name to the name as sent and its version. */
    private final Map<String, Map.Entry<String, Integer>> packages = new LinkedHashMap<>();

    /**
     * Takes in a message if it is one of the {@code Core} messages kept here; returns why it was
     * not understood (the wrong JSON shape), or null.
     */
    public String apply(String packageName, Object value) {
        switch (packageName.toLowerCase(Locale.ROOT)) {
            case "core.hello":
                if (!(value instanceof Map<?, ?> fields)) {
                    return "Core.Hello must be a JSON object";
                }
                hello.clear();
                for (Map.Entry<?, ?> field : fields.entrySet()) {
                    if (hello.size() < MAX_HELLO_FIELDS && field.getValue() != null) {
                        hello.put((String) field.getKey(), String.valueOf(field.getValue()));
                    }
                }
                return null;
            case "core.supports.set":
                if (!(value instanceof List<?>)) {
                    return "Core.Supports.Set must be a JSON array";
                }
                packages.clear();
                return add((List<?>) value);
            case "core.supports.add":
                return value instanceof List<?> list ? add(list) : "Core.Supports.Add must be a JSON array";
            case "core.supports.remove":
                if (!(value instanceof List<?> list)) {
                    return "Core.Supports.Remove must be a JSON array";
                }
                for (Object item : list) {
                    if (item instanceof String entry && !entry.isBlank()) {
                        packages.remove(entry.strip().split("\\s+")[0].toLowerCase(Locale.ROOT));
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private String add(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof String entry) || entry.isBlank()) {
                return "Core.Supports entries must be strings such as \"Char 1\"";
            }
            String[] parts = entry.strip().split("\\s+");
            int version = 1;
            if (parts.length > 1) {
                try {
                    version = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    return "Core.Supports entry '" + entry + "' has no numeric version";
                }
            }
            String key = parts[0].toLowerCase(Locale.ROOT);
            if (packages.containsKey(key) || packages.size() < MAX_PACKAGES) {
                packages.put(key, Map.entry(parts[0], version));
            }
        }
        return null;
    }

    /** {@code Core.Hello}'s fields, a snapshot. */
    public Map<String, String> hello() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(hello));
    }

    /** Whether {@code packageName} or a package above it ({@code Char} for {@code Char.Vitals}) is supported. */
    public boolean supports(String packageName) {
        String name = packageName.toLowerCase(Locale.ROOT);
        while (true) {
            if (packages.containsKey(name)) {
                return true;
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return false;
            }
            name = name.substring(0, dot);
        }
    }

    /** The supported packages and versions, a snapshot in the order they were named. */
    public Map<String, Integer> supported() {
        Map<String, Integer> out = new LinkedHashMap<>();
        packages.values().forEach(entry -> out.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(out);
    }
}
