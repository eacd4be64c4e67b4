package io.chuk.protocol.telnet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.BitSet;

import static io.chuk.protocol.telnet.TelnetCommand.DO;
import static io.chuk.protocol.telnet.TelnetCommand.DONT;
import static io.chuk.protocol.telnet.TelnetCommand.WILL;
import static io.chuk.protocol.telnet.TelnetCommand.WONT;

/**
 * One direction of all 256 telnet options, negotiated by the Q method of RFC 1143: our side
 * ({@code WILL}/{@code WONT} from us, {@code DO}/{@code DONT} from the peer) or the peer's side
 * (the other way round). It keeps each option's state, queue bit and whether we agree to enable
 * it, and answers the peer with at most {@link #REPLY_BUDGET} replies per option.
 *
 * <p>Pure logic: the commands it sends go to {@link Commands}; no I/O, not thread-safe (a
 * session's engine runs on one thread at a time).
 */
final class OptionSide {

    static final int NO = 0;
    static final int YES = 1;
    static final int WANTNO = 2;
    static final int WANTYES = 3;

    /**
     * How many times we answer the peer's own WILL/WONT/DO/DONT for one option and direction.
     * RFC 1143 stops loops with a peer that merely answers us, but a peer that insists (asks
     * again after every refusal) or toggles (turns an option off as soon as we agree) makes a
     * legitimate state change each time. Real clients initiate a handful of times per
     * connection; after this many replies the option is ignored for the rest of the connection.
     */
    static final int REPLY_BUDGET = 16;

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.telnet");

    /** Where the commands this side sends go. */
    interface Commands {
        void command(int verb, int option);
    }

    final boolean local;
    /** The RFC 1143 state of each option, two bits each ({@link #state(int)}): 64 bytes per side, not 256. */
    private final long[] states = new long[256 * 2 / Long.SIZE];
    /** The RFC 1143 queue bit per option; bit sets, as two arrays of 256 flags cost every session 0.5 kB. */
    final BitSet opposite = new BitSet(256);
    /** The options this side agrees to enable when asked. */
    final BitSet accept = new BitSet(256);
    private final int yesCommand;
    private final int noCommand;
    /** Replies sent to the peer's own initiatives, per option, saturating past {@link #REPLY_BUDGET}. */
    private final byte[] replies = new byte[256];
    private final Commands out;

    OptionSide(boolean local, Commands out) {
        this.local = local;
        this.yesCommand = local ? WILL : DO;
        this.noCommand = local ? WONT : DONT;
        this.out = out;
    }

    /** NO, YES, WANTNO or WANTYES. */
    int state(int option) {
        return (int) (states[option >>> 5] >>> ((option & 31) << 1)) & 3;
    }

    void state(int option, int value) {
        int shift = (option & 31) << 1;
        int word = option >>> 5;
        states[word] = states[word] & ~(3L << shift) | (long) value << shift;
    }

    boolean enabled(int option) {
        return state(option) == YES;
    }

    /**
     * WILL (for the peer's side) or DO (for ours), per RFC 1143 section 7.
     *
     * @return false when the option is past its reply budget and the command was ignored
     */
    boolean receivedPositive(int option) {
        if (overBudget(option)) {
            return false;
        }
        switch (state(option)) {
            case NO -> {
                if (accept.get(option)) {
                    state(option, YES);
                    reply(yesCommand, option);
                } else {
                    reply(noCommand, option);
                }
            }
            case YES -> { } // already enabled: no reply, which is what breaks loops
            case WANTNO -> {
                // our "no" was answered by "yes": a peer error; honour the queue bit
                state(option, opposite.get(option) ? YES : NO);
                opposite.set(option, false);
            }
            case WANTYES -> {
                if (opposite.get(option)) {
                    state(option, WANTNO);
                    opposite.set(option, false);
                    reply(noCommand, option);
                } else {
                    state(option, YES);
                }
            }
            default -> throw new AssertionError();
        }
        return true;
    }

    /**
     * WONT (for the peer's side) or DONT (for ours), per RFC 1143 section 7.
     *
     * @return false when the option is past its reply budget and the command was ignored
     */
    boolean receivedNegative(int option) {
        if (overBudget(option)) {
            return false;
        }
        switch (state(option)) {
            case NO -> { }
            case YES -> {
                state(option, NO);
                reply(noCommand, option);
            }
            case WANTNO -> {
                if (opposite.get(option)) {
                    state(option, WANTYES);
                    opposite.set(option, false);
                    reply(yesCommand, option);
                } else {
                    state(option, NO);
                }
            }
            case WANTYES -> {
                state(option, NO);
                opposite.set(option, false);
            }
            default -> throw new AssertionError();
        }
        return true;
    }

    /** Our own request, per RFC 1143 section 7; false when it changes nothing. */
    boolean request(int option, boolean enable) {
        int s = state(option);
        boolean q = opposite.get(option);
        if (enable) {
            if (s == NO) {
                state(option, WANTYES);
                out.command(yesCommand, option);
                return true;
            }
            if (s == WANTNO && !q) {
                opposite.set(option, true);
                return true;
            }
            if (s == WANTYES && q) {
                opposite.set(option, false);
                return true;
            }
            return false; // already enabled, already asked, or already queued
        }
        if (s == YES) {
            state(option, WANTNO);
            out.command(noCommand, option);
            return true;
        }
        if (s == WANTNO && q) {
            opposite.set(option, false);
            return true;
        }
        if (s == WANTYES && !q) {
            opposite.set(option, true);
            return true;
        }
        return false;
    }

    private boolean overBudget(int option) {
        if (replies[option] < REPLY_BUDGET) {
            return false;
        }
        if (replies[option] == REPLY_BUDGET) {
            replies[option]++; // log once
            LOG.debug("Ignoring further negotiation of {} ({}): the peer keeps renegotiating it",
                    TelnetOption.name(option), local ? "local" : "remote");
        }
        return true;
    }

    private void reply(int verb, int option) {
        replies[option]++;
        out.command(verb, option);
    }
}
