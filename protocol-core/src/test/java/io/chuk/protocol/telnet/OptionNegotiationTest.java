package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.chuk.protocol.telnet.TelnetCommand.DO;
import static io.chuk.protocol.telnet.TelnetCommand.DONT;
import static io.chuk.protocol.telnet.TelnetCommand.WILL;
import static io.chuk.protocol.telnet.TelnetCommand.WONT;
import static io.chuk.protocol.telnet.TelnetOption.ECHO;
import static io.chuk.protocol.telnet.TelnetOption.LINEMODE;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.TIMING_MARK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meaning of the peer's negotiation on its own: the sides' commands and the listener's events, recorded. */
class OptionNegotiationTest {

    private final List<String> sent = new ArrayList<>();
    private final Recorder listener = new Recorder();
    private final OptionSide.Commands commands = (verb, option) ->
            sent.add(TelnetCommand.name(verb) + " " + TelnetOption.name(option));
    private final OptionSide us = new OptionSide(true, commands);
    private final OptionSide him = new OptionSide(false, commands);
    /** The reports send their queries through an engine of their own; these tests send none. */
    private final TerminalReports reports = new TerminalReports(new TelnetEngine(new Recorder()), TelnetSettings.defaults(),
            listener, us, him);
    private final OptionNegotiation negotiation = new OptionNegotiation(TelnetSettings.defaults(), us, him, reports,
            listener, commands);

    @Test
    void aRunOfDoTimingMarksIsAnsweredOnceAndOtherInputEndsTheRun() {
        negotiation.received(DO, TIMING_MARK);
        negotiation.received(DO, TIMING_MARK);
        assertEquals(List.of("WILL TIMING-MARK"), sent);
        negotiation.otherInput();
        negotiation.received(DO, TIMING_MARK);
        assertEquals(List.of("WILL TIMING-MARK", "WILL TIMING-MARK"), sent);
        assertFalse(us.enabled(TIMING_MARK), "TIMING-MARK is answered, never kept on");
    }

    @Test
    void answersToOurTimingMarkAreAbsorbed() {
        negotiation.received(WILL, TIMING_MARK);
        negotiation.received(WONT, TIMING_MARK);
        negotiation.received(DONT, TIMING_MARK);
        assertEquals(List.of(), sent);
        assertEquals(List.of(), listener.events);
    }

    @Test
    void lineModeIsNotedAndRefused() {
        assertFalse(negotiation.lineModeRequested());
        negotiation.received(WILL, LINEMODE);
        assertTrue(negotiation.lineModeRequested());
        assertEquals(List.of("DONT LINEMODE"), sent);
        assertFalse(him.enabled(LINEMODE));
    }

    @Test
    void anAcceptedOptionIsAgreedAndTheListenerTold() {
        negotiation.received(DO, ECHO);
        negotiation.received(WILL, NAWS);
        assertEquals(List.of("WILL ECHO", "DO NAWS"), sent);
        assertEquals(List.of("opt:local:ECHO:true", "opt:remote:NAWS:true"), listener.events);
        negotiation.received(WONT, NAWS);
        assertEquals("opt:remote:NAWS:false", listener.events.get(2));
        assertEquals("DONT NAWS", sent.get(2));
    }

    @Test
    void ourRequestSetsWhatWeAcceptAndRefusesTimingMarkAndNonOptions() {
        assertFalse(negotiation.request(us, ECHO, false), "ECHO is off already: nothing to send");
        negotiation.received(DO, ECHO);
        assertEquals(List.of("WONT ECHO"), sent, "a request to keep ECHO off also refuses the peer's DO");
        assertFalse(negotiation.request(us, TIMING_MARK, true));
        assertThrows(IllegalArgumentException.class, () -> negotiation.request(him, 256, true));
        assertEquals(1, sent.size());
    }
}
