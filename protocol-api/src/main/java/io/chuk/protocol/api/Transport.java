package io.chuk.protocol.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four wire transports a server entry can speak, named as in the YAML {@code transport} key. */
public enum Transport {
    /** Telnet over a raw socket: option negotiation, then line or character mode. */
    TELNET("telnet", 8023, false),
    /** Plain bytes over a raw socket: no negotiation, one line per CR LF / LF. */
    TCP("tcp", 8024, false),
    /** WebSocket text frames: a frame is a line, each output line is one frame. */
    WEBSOCKET("websocket", 8025, true),
    /** The telnet byte stream carried in binary WebSocket frames, for browser terminals. */
    WS_TELNET("ws_telnet", 8026, true);

    private final String yamlName;
    private final int defaultPort;
    private final boolean webSocket;

    Transport(String yamlName, int defaultPort, boolean webSocket) {
        this.yamlName = yamlName;
        this.defaultPort = defaultPort;
        this.webSocket = webSocket;
    }

    /** The name used in YAML and on the command line ({@code telnet}, {@code tcp}, ...). */
    public String yamlName() {
        return yamlName;
    }

    /** The port used when a server entry names none. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Whether this transport is served by the HTTP connector as a WebSocket endpoint. */
    public boolean isWebSocket() {
        return webSocket;
    }

    /** Whether the telnet protocol (IAC negotiation) runs over this transport. */
    public boolean speaksTelnet() {
        return this == TELNET || this == WS_TELNET;
    }

    /** The default endpoint path of a WebSocket transport, {@code null} for raw ones. */
    public String defaultWsPath() {
        return switch (this) {
            case WEBSOCKET -> "/ws";
            case WS_TELNET -> "/ws_telnet";
            default -> null;
        };
    }

    /** The transport of a YAML or command-line name, in any case; empty for an unknown name. */
    public static Optional<Transport> fromName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
