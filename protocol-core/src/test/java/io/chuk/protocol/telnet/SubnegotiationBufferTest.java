package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sub-negotiation buffer on its own: a fixed capacity, an over-long body marked, 0xFF as option or data. */
class SubnegotiationBufferTest {

    @Test
    void aBodyPastTheCapacityIsMarkedAndTheBufferNeverGrows() {
        SubnegotiationBuffer buffer = new SubnegotiationBuffer(4);
        buffer.begin();
        buffer.option(24);
        for (int i = 0; i < 1000; i++) {
            buffer.append('x');
        }
        assertTrue(buffer.overflowed());
        assertEquals(4, buffer.length());
        assertEquals(4, buffer.body().length, "no bigger array for a longer body");

        buffer.begin();
        assertFalse(buffer.overflowed(), "the next one starts clean");
        assertEquals(-1, buffer.option());
        assertEquals(0, buffer.length());
    }

    @Test
    void theBufferStartsSmallAndGrowsToItsCapacityOnly() {
        SubnegotiationBuffer buffer = new SubnegotiationBuffer(1000);
        assertEquals(SubnegotiationBuffer.INITIAL_SIZE, buffer.allocated(), "most sessions only ever see short ones");
        buffer.begin();
        buffer.option(39);
        for (int i = 0; i < 1000; i++) {
            buffer.append(i);
        }
        assertFalse(buffer.overflowed(), "a body of exactly the capacity fits");
        assertEquals(1000, buffer.allocated());
        for (int i = 0; i < 1000; i++) {
            assertEquals((byte) i, buffer.body()[i], "what was there before it grew is kept");
        }
        buffer.append('x');
        assertTrue(buffer.overflowed());
        assertEquals(1000, buffer.allocated(), "never past the capacity");
    }

    @Test
    void anIacIsTheOptionWhenNoneWasReadElseABodyByte() {
        SubnegotiationBuffer buffer = new SubnegotiationBuffer(8);
        buffer.begin();
        buffer.appendIac();
        assertEquals(255, buffer.option());
        buffer.appendIac();
        buffer.append(1);
        assertEquals(2, buffer.length());
        assertEquals((byte) 0xFF, buffer.body()[0]);
        assertEquals(1, buffer.body()[1]);
    }
}
