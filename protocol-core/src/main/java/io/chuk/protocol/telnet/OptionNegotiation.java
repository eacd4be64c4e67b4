package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.OptionSide.NO;
import static io.chuk.protocol.telnet.TelnetCommand.DO;
import static io.chuk.protocol.telnet.TelnetCommand.WILL;
import static io.chuk.protocol.telnet.TelnetCommand.WONT;
import static io.chuk.protocol.telnet.TelnetOption.BINARY;
import static io.chuk.protocol.telnet.TelnetOption.CHARSET;
import static io.chuk.protocol.telnet.TelnetOption.ECHO;
import static io.chuk.protocol.telnet.TelnetOption.LINEMODE;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.NEW_ENVIRON;
import static io.chuk.protocol.telnet.TelnetOption.SGA;
import static io.chuk.protocol.telnet.TelnetOption.TIMING_MARK;
import static io.chuk.protocol.telnet.TelnetOption.TTYPE;

/**
 * What the peer's {@code WILL}, {@code WONT}, {@code DO} and {@code DONT} mean for one connection,
 * and our own requests: which options each side agrees to, the RFC 1143 state machine of each side
 * ({@link OptionSide}), the options that are never kept on (TIMING-MARK is answered, RFC 860;
 * LINEMODE is noted and refused), and what follows when an option turns on or off.
 *
 * <p>Pure logic, like the engine that owns it: the commands it sends go to the sides'
 * {@link OptionSide.Commands}; not thread-safe.
 */
final class OptionNegotiation {

    private final OptionSide us;
    private final OptionSide him;
    private final TerminalReports reports;
    private final TelnetListener listener;
    private final OptionSide.Commands commands;
    /** A run of DO TIMING-MARKs with nothing else in between gets one answer, so a peer that answers WILL with DO cannot loop us. */
    private boolean timingMarkAnswered;
    private boolean lineModeRequested;

    /**
     * @param us       our side of every option (we WILL)
     * @param him      the peer's side (it WILL, we DO)
     * @param commands where the TIMING-MARK answer goes: the same output as the sides' commands
     */
    OptionNegotiation(TelnetSettings settings, OptionSide us, OptionSide him, TerminalReports reports,
                      TelnetListener listener, OptionSide.Commands commands) {
        this.us = us;
        this.him = him;
        this.reports = reports;
        this.listener = listener;
        this.commands = commands;
        us.accept.set(ECHO, true);
        us.accept.set(SGA, true);
        us.accept.set(BINARY, true);
        us.accept.set(CHARSET, settings.requestCharset());
        for (int option : settings.offeredOptions()) {
            us.accept.set(option, true);
        }
        him.accept.set(TTYPE, true);
        him.accept.set(NAWS, true);
        him.accept.set(NEW_ENVIRON, true);
        him.accept.set(BINARY, true);
        him.accept.set(SGA, true);
        him.accept.set(CHARSET, true);
    }

    /** The peer's {@code verb} (WILL, WONT, DO or DONT) for {@code option}. */
    void received(int verb, int option) {
        if (option == TIMING_MARK) {
            // RFC 860: answer DO with WILL and keep nothing on; WILL, WONT and DONT are answers
            // to our keepalive (or nonsense): absorbed, never answered.
            if (verb == DO && !timingMarkAnswered) {
                timingMarkAnswered = true;
                commands.command(WILL, TIMING_MARK);
            }
            return;
        }
        timingMarkAnswered = false;
        if (option == LINEMODE && (verb == WILL || verb == DO)) {
            lineModeRequested = true;
        }
        OptionSide side = verb == WILL || verb == WONT ? him : us;
        boolean was = side.enabled(option);
        boolean positive = verb == WILL || verb == DO;
        if (!(positive ? side.receivedPositive(option) : side.receivedNegative(option))) {
            return; // past the option's reply budget: ignored
        }
        changed(side, option, was);
        if (!positive && !side.local && option == TTYPE && side.state(option) == NO) {
            reports.startFurtherNegotiation(); // the client refused TTYPE: it has answered, move on
        }
    }

    /** Input other than a negotiation came in: the next DO TIMING-MARK is answered again. */
    void otherInput() {
        timingMarkAnswered = false;
    }

    /**
     * Our request to enable or disable {@code option} on one side, which also sets whether that
     * side agrees when the peer asks later. TIMING-MARK is never requested this way.
     *
     * @return whether a command was queued or the request recorded
     * @throws IllegalArgumentException if {@code option} is not 0..255
     */
    boolean request(OptionSide side, int option, boolean enable) {
        if (!validOption(option)) {
            throw new IllegalArgumentException("option must be 0..255: " + option);
        }
        if (option == TIMING_MARK) {
            return false;
        }
        side.accept.set(option, enable);
        return side.request(option, enable);
    }

    /** Whether the client offered or asked for LINEMODE. */
    boolean lineModeRequested() {
        return lineModeRequested;
    }

    /** Whether {@code option} is an option number at all (0..255). */
    static boolean validOption(int option) {
        return option >= 0 && option <= 255;
    }

    /** Side effects of an option turning on or off, then the listener. */
    private void changed(OptionSide side, int option, boolean was) {
        boolean now = side.enabled(option);
        if (now == was) {
            return;
        }
        if (now) {
            reports.optionEnabled(side.local, option);
        }
        listener.onOptionChanged(option, side.local, now);
    }
}
