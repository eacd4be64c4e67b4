package io.chuk.protocol.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an idle telnet session is sent every {@code keepalive_interval} seconds ({@code keepalive}
 * key). A keepalive finds dead peers (the write fails) and keeps idle proxies and NAT entries
 * open; it is configurable because some broken clients show {@code IAC NOP} as garbage.
 */
public enum TelnetKeepalive {
    /** Nothing is sent. */
    OFF("off"),
    /** {@code IAC NOP}. */
    NOP("nop"),
    /** {@code IAC DO TIMING-MARK}, which the client answers. */
    TIMING_MARK("timing_mark");

    private final String yamlName;

    TelnetKeepalive(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<TelnetKeepalive> fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(wanted)).findFirst();
    }
}
