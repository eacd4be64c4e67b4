package io.chuk.protocol.handlers;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** WebSocket line splitting: a message is its lines, whatever the mix of CR, LF and CR LF. */
class MessageSplittingPropertiesTest {

    /** Records every line and never ends the session (no quit words, no prompt logic needed). */
    public static class Lines extends LineHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void processLine(String line) {
            seen.add(line);
        }
    }

    @Property
    void aMessageIsSplitIntoItsLinesAndNothingIsLost(@ForAll("messages") String message) throws Exception {
        Lines handler = new Lines();
        handler.attach(FakeHandlerContext.forHandler(Lines.class, false));
        handler.processMessage(message);
        for (String line : handler.seen) {
            assertFalse(line.contains("\r") || line.contains("\n"), line);
        }
        String normalised = message.replace("\r\n", "\n").replace('\r', '\n');
        String expected = normalised.endsWith("\n") ? normalised.substring(0, normalised.length() - 1) : normalised;
        assertEquals(expected, String.join("\n", handler.seen));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of('\r', '\n', ' ')), Tuple.of(3, Arbitraries.chars().alpha()));
        return chars.list().ofMaxSize(200).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }
}
