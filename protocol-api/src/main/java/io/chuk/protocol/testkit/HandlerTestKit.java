package io.chuk.protocol.testkit;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Opens handler sessions in memory for tests: the real session engine (input and output queues,
 * telnet negotiation, line editing, dialogs, the session directory) with a simulated client in
 * place of a socket. See {@link TestSession} for what a test can do with one.
 *
 * <pre>{@code
 * try (TestSession client = HandlerTestKit.builder(MyHandler.class)
 *         .transport(Transport.TELNET).terminal("xterm", 120, 40).open()) {
 *     assertEquals(120, client.session().terminal().orElseThrow().width());
 * }
 * }</pre>
 *
 * <p>Each session opened here has a host (and virtual clock) of its own; sessions that must meet
 * each other (a chat) are opened on one {@link #host()}.
 */
public final class HandlerTestKit {

    /** How long a kit call waits for its session to get quiet before it fails. */
    public static final Duration QUIET_TIMEOUT = Duration.ofSeconds(10);
    /** {@code max_line_length} unless {@link Builder#maxLineLength} says otherwise: the server's default. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
    /** The terminal type the simulated telnet client reports unless {@link Builder#terminal} says otherwise. */
    public static final String DEFAULT_TERMINAL_TYPE = "xterm";

    private HandlerTestKit() {
    }

    /** Opens a session of {@code handler} on {@code transport} with default options; returns once it is quiet. */
    public static TestSession open(Class<? extends BaseHandler> handler, Transport transport) {
        return builder(handler).transport(transport).open();
    }

    /** A builder for a session of {@code handler} on a host of its own; the transport is {@code telnet} by default. */
    public static Builder builder(Class<? extends BaseHandler> handler) {
        return new Builder(handler, options -> provider().open(options));
    }

    /** A new host for sessions that must see each other (directory, broadcasts) and share a clock. */
    public static TestHost host() {
        return provider().newHost();
    }

    private static TestKitProvider provider() {
        Iterator<TestKitProvider> found = ServiceLoader.load(TestKitProvider.class).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("No " + TestKitProvider.class.getName()
                    + " found: the handler test kit needs protocol-core on the test class path");
        }
        return found.next();
    }

    /**
     * The options of one test session. Defaults: {@code telnet}, no welcome message,
     * {@value #DEFAULT_MAX_LINE_LENGTH}-byte lines, and a telnet client that negotiates like a real
     * one, reporting terminal {@value #DEFAULT_TERMINAL_TYPE} at 80 x 24.
     */
    public static final class Builder {
        private final Class<? extends BaseHandler> handler;
        private final Function<TestSessionOptions, TestSession> opener;
        private Transport transport = Transport.TELNET;
        private String welcomeMessage;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private String terminalType = DEFAULT_TERMINAL_TYPE;
        private int width = 80;
        private int height = 24;
        private TestSessionOptions.Client client = TestSessionOptions.Client.TELNET;
        private java.util.Set<io.chuk.protocol.api.MudProtocol> mudProtocols = java.util.Set.of();

        Builder(Class<? extends BaseHandler> handler, Function<TestSessionOptions, TestSession> opener) {
            this.handler = Objects.requireNonNull(handler, "handler");
            this.opener = opener;
        }

        /** The transport the session comes through. */
        public Builder transport(Transport value) {
            transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /** The server entry's {@code welcome_message} ({@code null}: none). */
        public Builder welcomeMessage(String value) {
            welcomeMessage = value;
            return this;
        }

        /** The server entry's {@code max_line_length} in bytes. */
        public Builder maxLineLength(int value) {
            maxLineLength = value;
            return this;
        }

        /** What the simulated telnet client reports: its terminal type (TTYPE) and window size (NAWS). */
        public Builder terminal(String ttype, int columns, int rows) {
            terminalType = Objects.requireNonNull(ttype, "ttype");
            width = columns;
            height = rows;
            return this;
        }

        /** A telnet client that refuses the server's WILL ECHO: it echoes locally and sends whole lines. */
        public Builder lineModeClient() {
            client = TestSessionOptions.Client.LINE_MODE;
            return this;
        }

        /** A client on the telnet port that never answers negotiation (a raw socket). */
        public Builder rawClient() {
            client = TestSessionOptions.Client.RAW;
            return this;
        }

        /**
         * A MUD client (like TinTin++ or Mudlet): it also agrees when the server offers these
         * protocols, and EOR. Their messages are in {@link TestSession#bytes()}.
         */
        public Builder mudClient(io.chuk.protocol.api.MudProtocol... protocols) {
            mudProtocols = java.util.Set.of(protocols);
            return this;
        }

        /** The options as set so far. */
        public TestSessionOptions options() {
            return new TestSessionOptions(handler, transport, welcomeMessage, maxLineLength, terminalType,
                    width, height, client, mudProtocols);
        }

        /** Opens the session; returns once it is quiet (connected, negotiated, welcome sent). */
        public TestSession open() {
            return opener.apply(options());
        }
    }
}
