package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.chuk.protocol.telnet.OptionSide.NO;
import static io.chuk.protocol.telnet.OptionSide.WANTNO;
import static io.chuk.protocol.telnet.OptionSide.WANTYES;
import static io.chuk.protocol.telnet.OptionSide.YES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One direction of the RFC 1143 Q method on its own: states, queue bit, replies and their budget. */
class OptionSideTest {

    private static final int ECHO = 1;
    private final List<String> sent = new ArrayList<>();
    private final OptionSide ours = new OptionSide(true, (verb, option) -> sent.add(verb + " " + option));

    @Test
    void everyOptionKeepsItsOwnState() {
        int[] states = {NO, YES, WANTNO, WANTYES};
        for (int option = 0; option < 256; option++) {
            ours.state(option, states[(option * 7 + option / 5) % 4]);
        }
        ours.state(200, WANTYES);
        ours.state(200, NO); // a state written over is replaced, its neighbours untouched
        for (int option = 0; option < 256; option++) {
            int expected = option == 200 ? NO : states[(option * 7 + option / 5) % 4];
            assertEquals(expected, ours.state(option), "option " + option);
        }
    }

    @Test
    void ourRequestIsSentOnceAndItsAnswerIsNotAnswered() {
        assertTrue(ours.request(ECHO, true));
        assertEquals(List.of(TelnetCommand.WILL + " " + ECHO), sent);
        assertEquals(WANTYES, ours.state(ECHO));
        assertFalse(ours.request(ECHO, true), "asked already: nothing more to send");

        assertTrue(ours.receivedPositive(ECHO)); // the peer's DO
        assertTrue(ours.enabled(ECHO));
        assertEquals(1, sent.size(), "an answer to our request gets no reply");
    }

    @Test
    void aChangeOfMindWhileWaitingIsQueuedAndSentWhenTheAnswerComes() {
        ours.request(ECHO, true);
        assertTrue(ours.request(ECHO, false), "queued: WANTYES with the queue bit");
        assertTrue(ours.opposite.get(ECHO));
        ours.receivedPositive(ECHO);
        assertEquals(WANTNO, ours.state(ECHO));
        assertEquals(TelnetCommand.WONT + " " + ECHO, sent.get(sent.size() - 1));
        ours.receivedNegative(ECHO);
        assertEquals(NO, ours.state(ECHO));
    }

    @Test
    void thePeersInitiativeIsAgreedOnlyWhenWeAcceptAndAnsweredWithinTheBudget() {
        ours.receivedPositive(ECHO);
        assertEquals(NO, ours.state(ECHO));
        assertEquals(List.of(TelnetCommand.WONT + " " + ECHO), sent, "refused: we do not accept ECHO yet");

        ours.accept.set(ECHO, true);
        sent.clear();
        int handled = 0;
        for (int i = 0; i < 100; i++) {
            if (i % 2 == 0 ? ours.receivedPositive(ECHO) : ours.receivedNegative(ECHO)) {
                handled++;
            }
        }
        // the first refusal above used one reply of the budget
        assertEquals(OptionSide.REPLY_BUDGET - 1, sent.size(), "a toggling peer gets at most the budget of replies");
        assertEquals(OptionSide.REPLY_BUDGET - 1, handled);
        assertTrue(ours.state(ECHO) == YES || ours.state(ECHO) == NO, "left in a settled state, not waiting");
    }
}
