package io.chuk.protocol.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which MUD compression protocols a telnet entry offers ({@code compression} key): MCCP2
 * compresses what the server sends, MCCP3 what the client sends. Both cost a zlib stream per
 * session that uses them, so they are off unless a deployment asks.
 */
public enum Compression {
    OFF("off", false, false),
    MCCP2("mccp2", true, false),
    MCCP2_MCCP3("mccp2+mccp3", true, true);

    private final String yamlName;
    private final boolean mccp2;
    private final boolean mccp3;

    Compression(String yamlName, boolean mccp2, boolean mccp3) {
        this.yamlName = yamlName;
        this.mccp2 = mccp2;
        this.mccp3 = mccp3;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean offersMccp2() {
        return mccp2;
    }

    public boolean offersMccp3() {
        return mccp3;
    }

    @Override
    public String toString() {
        return yamlName;
    }

    public static Optional<Compression> fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.yamlName.equals(wanted)).findFirst();
    }

    /** The key's type: one of the names, or YAML's {@code off}/{@code false} (a boolean to YAML 1.1) for {@link #OFF}. */
    static ValueType<Compression> valueType() {
        ValueType<Compression> byName = ValueType.choice("compression", Compression::fromName, "off, mccp2 or mccp2+mccp3");
        return raw -> Boolean.FALSE.equals(raw) ? OFF : byName.parse(raw);
    }
}
