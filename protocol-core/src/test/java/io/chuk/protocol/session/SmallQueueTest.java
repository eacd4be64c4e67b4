package io.chuk.protocol.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallQueueTest {

    private static final class Queue extends SmallQueue {
    }

    @Test
    void keepsOrderAcrossItsFieldAndItsDeque() {
        Queue queue = new Queue();
        for (int i = 0; i < 5; i++) {
            queue.append("item " + i);
        }
        assertEquals(5, queue.size());
        assertEquals("item 0", queue.take());
        queue.append("item 5");
        for (int i = 1; i <= 5; i++) {
            assertEquals("item " + i, queue.take());
        }
        assertNull(queue.take());
        assertTrue(queue.isEmpty());
        assertEquals(0, queue.size());
    }

    @Test
    void takesAllOldestFirstAndEmptiesItself() {
        Queue queue = new Queue();
        queue.append("a");
        queue.append("b");
        queue.append("c");
        assertArrayEquals(new String[] {"a", "b", "c"}, queue.takeAll(String[]::new));
        assertTrue(queue.isEmpty());
        assertArrayEquals(new String[0], queue.takeAll(String[]::new));
    }

    @Test
    void dropsEverythingAndServesAgainAfterwards() {
        Queue queue = new Queue();
        queue.append("a");
        queue.append("b");
        queue.dropAll();
        assertEquals(0, queue.size());
        assertNull(queue.take());
        queue.append("c");
        assertEquals(1, queue.size());
        assertEquals("c", queue.take());
    }
}
