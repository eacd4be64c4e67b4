package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.telnet.TelnetOption;
import io.chuk.protocol.testkit.TestSessionOptions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The client end of telnet: takes the server's byte stream apart into what the user sees and the
 * commands, and answers negotiation as a telnet client does. It agrees to what the server offers
 * (ECHO unless it is a line-mode client, SGA) and asks of it (SGA, TTYPE, NAWS), refuses the rest,
 * and only answers a request that changes an option's state, so it cannot loop. A raw client
 * answers nothing. Not thread-safe: the channel calls it under its own lock.
 */
final class SimulatedTelnetClient {

    private static final int SE = 240;
    private static final int SB = 250;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;
    private static final int IAC = 255;
    private static final int IS = 0;
    private static final int SEND = 1;
    /** Longest sub-negotiation kept; the server's are a few bytes. */
    private static final int MAX_SUBNEGOTIATION = 4096;

    private enum State { DATA, COMMAND, OPTION, SUBNEGOTIATION, SUBNEGOTIATION_IAC }

    private final TestSessionOptions.Client kind;
    /** Server options a MUD client agrees to besides SGA and ECHO (its MUD protocols and EOR). */
    private final Set<Integer> mudOptions = new HashSet<>();
    private final String terminalType;
    private int width;
    private int height;
    /** Options the server performs (it said WILL, we said DO). */
    private final Set<Integer> serverOptions = new HashSet<>();
    /** Options we perform (it said DO, we said WILL). */
    private final Set<Integer> clientOptions = new HashSet<>();
    private final ByteArrayOutputStream subnegotiation = new ByteArrayOutputStream();
    private State state = State.DATA;
    private int command;

    SimulatedTelnetClient(TestSessionOptions options) {
        this.kind = options.client();
        this.terminalType = options.terminalType();
        this.width = options.width();
        this.height = options.height();
        options.mudProtocols().forEach(protocol -> mudOptions.add(protocol.option()));
        if (!mudOptions.isEmpty()) {
            mudOptions.add(TelnetOption.EOR);
        }
    }

    /**
     * Reads server output: what the user sees goes to {@code shown}, the answers to negotiation
     * (to be sent back) to {@code answers}.
     */
    void receive(byte[] bytes, ByteArrayOutputStream shown, ByteArrayOutputStream answers) {
        for (byte value : bytes) {
            int b = value & 0xFF;
            switch (state) {
                case DATA -> {
                    if (b == IAC) {
                        state = State.COMMAND;
                    } else {
                        shown.write(b);
                    }
                }
                case COMMAND -> {
                    if (b == IAC) {
                        shown.write(IAC);
                        state = State.DATA;
                    } else if (b >= WILL) {
                        command = b;
                        state = State.OPTION;
                    } else if (b == SB) {
                        subnegotiation.reset();
                        state = State.SUBNEGOTIATION;
                    } else {
                        state = State.DATA; // GA, NOP and the like show nothing
                    }
                }
                case OPTION -> {
                    negotiate(command, b, answers);
                    state = State.DATA;
                }
                case SUBNEGOTIATION -> {
                    if (b == IAC) {
                        state = State.SUBNEGOTIATION_IAC;
                    } else if (subnegotiation.size() < MAX_SUBNEGOTIATION) {
                        subnegotiation.write(b);
                    }
                }
                case SUBNEGOTIATION_IAC -> {
                    if (b == SE) {
                        subnegotiated(subnegotiation.toByteArray(), answers);
                        state = State.DATA;
                    } else if (b == IAC) {
                        subnegotiation.write(IAC);
                        state = State.SUBNEGOTIATION;
                    } else {
                        state = State.DATA; // a broken sub-negotiation: dropped
                    }
                }
            }
        }
    }

    /** Whether the client agreed to report its window size. */
    boolean nawsAgreed() {
        return clientOptions.contains(TelnetOption.NAWS);
    }

    /** Whether the server echoes what this client types. */
    boolean serverEchoes() {
        return serverOptions.contains(TelnetOption.ECHO);
    }

    /** The window changed: the NAWS report to send. */
    byte[] resize(int columns, int rows) {
        width = columns;
        height = rows;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        windowSize(out);
        return out.toByteArray();
    }

    private void negotiate(int verb, int option, ByteArrayOutputStream answers) {
        if (kind == TestSessionOptions.Client.RAW) {
            return;
        }
        switch (verb) {
            case WILL -> {
                if (!serverMayPerform(option)) {
                    command(answers, DONT, option);
                } else if (serverOptions.add(option)) {
                    command(answers, DO, option);
                }
            }
            case WONT -> {
                if (serverOptions.remove(option)) {
                    command(answers, DONT, option);
                }
            }
            case DO -> {
                if (!clientPerforms(option)) {
                    command(answers, WONT, option);
                } else if (clientOptions.add(option)) {
                    command(answers, WILL, option);
                    if (option == TelnetOption.NAWS) {
                        windowSize(answers);
                    }
                }
            }
            default -> { // DONT
                if (clientOptions.remove(option)) {
                    command(answers, WONT, option);
                }
            }
        }
    }

    private boolean serverMayPerform(int option) {
        return option == TelnetOption.SGA || mudOptions.contains(option)
                || (option == TelnetOption.ECHO && kind == TestSessionOptions.Client.TELNET);
    }

    private static boolean clientPerforms(int option) {
        return option == TelnetOption.SGA || option == TelnetOption.TTYPE || option == TelnetOption.NAWS;
    }

    private void subnegotiated(byte[] body, ByteArrayOutputStream answers) {
        if (kind == TestSessionOptions.Client.RAW || body.length < 2) {
            return;
        }
        if ((body[0] & 0xFF) == TelnetOption.TTYPE && (body[1] & 0xFF) == SEND
                && clientOptions.contains(TelnetOption.TTYPE)) {
            answers.write(IAC);
            answers.write(SB);
            answers.write(TelnetOption.TTYPE);
            answers.write(IS);
            answers.writeBytes(terminalType.getBytes(StandardCharsets.US_ASCII));
            answers.write(IAC);
            answers.write(SE);
        }
    }

    private void windowSize(ByteArrayOutputStream out) {
        out.write(IAC);
        out.write(SB);
        out.write(TelnetOption.NAWS);
        for (int value : new int[] {width >> 8, width & 0xFF, height >> 8, height & 0xFF}) {
            out.write(value);
            if (value == IAC) {
                out.write(IAC);
            }
        }
        out.write(IAC);
        out.write(SE);
    }

    private static void command(ByteArrayOutputStream out, int verb, int option) {
        out.write(IAC);
        out.write(verb);
        out.write(option);
    }
}
