package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalTypeCycleTest {

    private final List<String> firsts = new ArrayList<>();

    private boolean answer(TerminalTypeCycle cycle, String name) {
        cycle.querySent();
        return cycle.received(name, firsts::add);
    }

    @Test
    void cyclesUntilTheClientRepeatsItsLastName() {
        TerminalTypeCycle cycle = new TerminalTypeCycle(8);
        assertTrue(cycle.notStarted());
        assertTrue(answer(cycle, "MUDLET"));
        assertTrue(answer(cycle, "XTERM-256COLOR"));
        assertTrue(answer(cycle, "MTTS 2825"));
        assertFalse(answer(cycle, "MTTS 2825"), "a repeat ends the list");
        assertEquals(List.of("MUDLET", "XTERM-256COLOR", "MTTS 2825"), cycle.names());
        assertEquals("MUDLET", cycle.primary());
        assertEquals(List.of("MUDLET"), firsts, "the first name is reported once");
        assertEquals(4, cycle.queries());
    }

    @Test
    void wrappingAroundToTheFirstNameEndsTheCycle() {
        TerminalTypeCycle cycle = new TerminalTypeCycle(8);
        answer(cycle, "ANSI");
        answer(cycle, "VT100");
        assertFalse(answer(cycle, "ansi"));
        assertEquals(List.of("ANSI", "VT100"), cycle.names());
    }

    @Test
    void unsolicitedAnswersNeverAskForMore() {
        TerminalTypeCycle cycle = new TerminalTypeCycle(8);
        assertFalse(cycle.received("XTERM", firsts::add), "an answer nobody asked for keeps the name but asks nothing");
        assertEquals("XTERM", cycle.primary());
        assertFalse(cycle.received("VT100", firsts::add));
        assertEquals(List.of("XTERM"), cycle.names());
    }

    @Test
    void namesAndQueriesAreBounded() {
        TerminalTypeCycle cycle = new TerminalTypeCycle(3);
        for (int i = 0; i < 3; i++) {
            answer(cycle, "T" + i);
        }
        assertFalse(cycle.mayQueryAgain());
        answer(cycle, "T9");
        assertEquals(3, cycle.names().size());
        assertFalse(answer(new TerminalTypeCycle(3), ""), "an empty name ends it");
        assertNull(new TerminalTypeCycle(3).primary());
    }
}
