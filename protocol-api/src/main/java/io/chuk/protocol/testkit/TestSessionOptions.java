package io.chuk.protocol.testkit;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;

import java.util.Objects;
import java.util.Set;

/**
 * What a {@link TestSession} is opened with; built by {@link HandlerTestKit.Builder}.
 *
 * @param handlerClass   the handler, created per session as the server does (public no-argument constructor)
 * @param transport      the transport the session pretends to come through
 * @param welcomeMessage the server entry's {@code welcome_message}, or {@code null}
 * @param maxLineLength  the server entry's {@code max_line_length} in bytes
 * @param terminalType   what the simulated telnet client reports for TTYPE
 * @param width          the columns the simulated telnet client reports through NAWS
 * @param height         the rows the simulated telnet client reports through NAWS
 * @param client         how the simulated client negotiates on the telnet transports
 */
public record TestSessionOptions(Class<? extends BaseHandler> handlerClass, Transport transport,
                                 String welcomeMessage, int maxLineLength, String terminalType,
                                 int width, int height, Client client, Set<MudProtocol> mudProtocols) {

    /** How the simulated client answers telnet negotiation ({@code telnet} and {@code ws_telnet} only). */
    public enum Client {
        /** Like a real telnet client: DO ECHO, DO and WILL SGA, WILL TTYPE with its name, WILL NAWS with its size. */
        TELNET,
        /** The same, but it refuses WILL ECHO: it echoes locally and sends whole lines. */
        LINE_MODE,
        /** Never answers negotiation: a raw socket on the telnet port. */
        RAW
    }

    /** Checks the options: nothing may be {@code null} but the welcome message, sizes must fit NAWS. */
    /** Options of a client that agrees to no MUD protocol. */
    public TestSessionOptions(Class<? extends BaseHandler> handlerClass, Transport transport, String welcomeMessage,
                              int maxLineLength, String terminalType, int width, int height, Client client) {
        this(handlerClass, transport, welcomeMessage, maxLineLength, terminalType, width, height, client, Set.of());
    }

    public TestSessionOptions {
        mudProtocols = Set.copyOf(mudProtocols);
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(terminalType, "terminalType");
        Objects.requireNonNull(client, "client");
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        if (width < 1 || width > 0xFFFF || height < 1 || height > 0xFFFF) {
            throw new IllegalArgumentException("terminal size must be 1..65535: " + width + "x" + height);
        }
    }
}
