package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.TelnetCommand.CR;
import static io.chuk.protocol.telnet.TelnetCommand.DO;
import static io.chuk.protocol.telnet.TelnetCommand.DONT;
import static io.chuk.protocol.telnet.TelnetCommand.IAC;
import static io.chuk.protocol.telnet.TelnetCommand.NUL;
import static io.chuk.protocol.telnet.TelnetCommand.SB;
import static io.chuk.protocol.telnet.TelnetCommand.SE;
import static io.chuk.protocol.telnet.TelnetCommand.WILL;
import static io.chuk.protocol.telnet.TelnetCommand.WONT;

/**
 * The byte level of telnet input (RFC 854): splits a stream into runs of data, commands,
 * negotiations and sub-negotiations, continuing across calls wherever the previous one stopped.
 * What each of them means is the {@link Sink}'s business ({@link TelnetEngine}). It never throws
 * for any input: an {@code IAC} before a byte that is no command is dropped (the peer forgot to
 * double 0xFF), a sub-negotiation that is never closed ends at the next command, and its body
 * lands in a {@link SubnegotiationBuffer} that never grows past its capacity. Pure code, one per
 * engine.
 */
final class TelnetParser {

    /** What the parser found, in input order. */
    interface Sink {
        /** Data bytes, escapes removed; {@code buf} is only valid during the call. */
        void data(byte[] buf, int off, int len);

        /** A command byte (240..254) after {@code IAC}; for WILL, WONT, DO, DONT and SB their rest follows. */
        void command(int command);

        /** {@code IAC WILL|WONT|DO|DONT option}. */
        void negotiation(int verb, int option);

        /**
         * {@code IAC SE} closed the sub-negotiation in the buffer; returns whether the rest of the
         * input is not telnet's (the listener took over the stream, as MCCP does).
         */
        boolean subnegotiationEnded();

        /** Whether the peer sends BINARY: then a NUL after CR is data, not padding. */
        boolean binaryInput();
    }

    private enum State { DATA, IAC, WILL, WONT, DO, DONT, SB_OPTION, SB_DATA, SB_IAC }

    private final SubnegotiationBuffer sub;
    private final Sink sink;
    private State state = State.DATA;
    private boolean crPending;

    TelnetParser(SubnegotiationBuffer sub, Sink sink) {
        this.sub = sub;
        this.sink = sink;
    }

    /** Returns where it stopped: {@code end}, or just after an SE after which the sink took over. */
    int parse(byte[] buf, int from, int end) {
        int run = -1; // start of the pending run of data bytes in buf, -1 when none
        for (int i = from; i < end; i++) {
            int b = buf[i] & 0xFF;
            switch (state) {
                case DATA:
                    if (b == IAC) {
                        if (run >= 0) {
                            sink.data(buf, run, i - run);
                            run = -1;
                        }
                        crPending = false;
                        state = State.IAC;
                    } else if (b == NUL && crPending && !sink.binaryInput()) {
                        if (run >= 0) {
                            sink.data(buf, run, i - run);
                            run = -1;
                        }
                        crPending = false;
                    } else {
                        if (run < 0) {
                            run = i;
                        }
                        crPending = b == CR;
                    }
                    break;
                case IAC:
                    if (b == IAC) {
                        // escaped 0xFF: a data byte; it starts the next run
                        state = State.DATA;
                        run = i;
                    } else if (b < SE) {
                        // not a command: the peer forgot to double 0xFF. Drop the IAC, re-read b as data.
                        state = State.DATA;
                        i--;
                    } else {
                        state = afterCommand(b);
                        if (state == State.SB_OPTION) {
                            sub.begin();
                        }
                        sink.command(b);
                    }
                    break;
                case WILL:
                    state = State.DATA;
                    sink.negotiation(WILL, b);
                    break;
                case WONT:
                    state = State.DATA;
                    sink.negotiation(WONT, b);
                    break;
                case DO:
                    state = State.DATA;
                    sink.negotiation(DO, b);
                    break;
                case DONT:
                    state = State.DATA;
                    sink.negotiation(DONT, b);
                    break;
                case SB_OPTION:
                    if (b == IAC) {
                        state = State.SB_IAC; // IAC SB IAC ...: no option byte (yet)
                    } else {
                        sub.option(b);
                        state = State.SB_DATA;
                    }
                    break;
                case SB_DATA:
                    if (b == IAC) {
                        state = State.SB_IAC;
                    } else {
                        sub.append(b);
                    }
                    break;
                case SB_IAC:
                    if (b == SE) {
                        state = State.DATA;
                        if (sink.subnegotiationEnded()) {
                            return i + 1; // no data run is open inside a sub-negotiation
                        }
                    } else if (b == IAC) {
                        state = State.SB_DATA;
                        sub.appendIac();
                    } else if (b < SE) {
                        // not a command: a peer that forgot to double 0xFF (common in NAWS). Keep both.
                        state = State.SB_DATA;
                        sub.appendIac();
                        sub.append(b);
                    } else {
                        // IAC <command> inside SB: the peer never closed it. Drop it, read the command.
                        sub.begin();
                        state = State.IAC;
                        i--;
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
        if (run >= 0) {
            sink.data(buf, run, end - run);
        }
        return end;
    }

    /** Where a command byte leads: the rest of a negotiation or sub-negotiation, or back to data. */
    private static State afterCommand(int command) {
        return switch (command) {
            case SB -> State.SB_OPTION;
            case WILL -> State.WILL;
            case WONT -> State.WONT;
            case DO -> State.DO;
            case DONT -> State.DONT;
            default -> State.DATA;
        };
    }
}
