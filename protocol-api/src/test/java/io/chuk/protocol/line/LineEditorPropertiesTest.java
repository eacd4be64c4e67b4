package io.chuk.protocol.line;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the line editor over arbitrary keystrokes: bounded, no escape leaks, no half characters. */
class LineEditorPropertiesTest {

    private static final int LIMIT = 32;

    @Property
    void anyKeystrokesKeepTheLineBoundedAndClean(@ForAll("keys") String keys) {
        LineEditor editor = new LineEditor(LIMIT, 5);
        StringBuilder lines = new StringBuilder();
        LineEditor.Listener listener = new LineEditor.Listener() {
            @Override
            public void echo(String text) {
            }

            @Override
            public void line(String line) {
                lines.append(line).append('\n');
                assertFalse(line.indexOf('\u001B') >= 0, "escape leaked into " + line);
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= LIMIT, line);
                assertFalse(hasHalfCharacter(line), line);
            }

            @Override
            public void interrupt() {
            }

            @Override
            public void endOfInput() {
            }
        };
        for (char c : keys.toCharArray()) {
            editor.feed(c, listener);
            assertTrue(editor.currentLine().getBytes(StandardCharsets.UTF_8).length <= LIMIT);
        }
        assertTrue(editor.history().size() <= 5);
    }

    @Provide
    Arbitrary<String> keys() {
        Arbitrary<Character> special = Arbitraries.of('\r', '\n', '\0', '\b', '\u007F', '\u0015', '\u0017', '\u0003',
                '\u0004', '\u001B', '[', 'A', 'B', 'O', '~', '1', 'é', '€', '\uD83D', '\uDE00', ' ', 'x');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, special), net.jqwik.api.Tuple.of(1, Arbitraries.chars()))
                .list().ofMaxSize(300).map(list -> {
                    StringBuilder text = new StringBuilder();
                    list.forEach(text::append);
                    return text.toString();
                });
    }

    private static boolean hasHalfCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= line.length() || !Character.isLowSurrogate(line.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(line.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
