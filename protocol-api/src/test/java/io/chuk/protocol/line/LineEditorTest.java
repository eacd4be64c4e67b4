package io.chuk.protocol.line;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineEditorTest {

    /** Records the editor's output as readable events. */
    private static final class Recorder implements LineEditor.Listener {
        final List<String> lines = new ArrayList<>();
        final StringBuilder echo = new StringBuilder();
        int interrupts;
        int ends;

        @Override
        public void echo(String text) {
            echo.append(text);
        }

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void interrupt() {
            interrupts++;
        }

        @Override
        public void endOfInput() {
            ends++;
        }
    }

    private final LineEditor editor = new LineEditor(20, 3);
    private final Recorder out = new Recorder();

    private void type(String keys) {
        for (char c : keys.toCharArray()) {
            editor.feed(c, out);
        }
    }

    @Test
    void everyLineEndingIsExactlyOneEnter() {
        type("a\r\nb\r\0c\rd\ne\n\r");
        assertEquals(List.of("a", "b", "c", "d", "e", ""), out.lines);
    }

    @Test
    void typedCharactersAreEchoedAndEnterEchoesNewline() {
        type("hi\r");
        assertEquals("hi\r\n", out.echo.toString());
    }

    @Test
    void backspaceAndDeleteEraseOneCharacterOnScreenToo() {
        type("abc\b\u007Fd\r");
        assertEquals(List.of("ad"), out.lines);
        assertEquals("abc\b \b\b \bd\r\n", out.echo.toString());
    }

    @Test
    void backspaceOnEmptyLineDoesNothing() {
        type("\b\r");
        assertEquals(List.of(""), out.lines);
        assertEquals("\r\n", out.echo.toString());
    }

    @Test
    void surrogatePairIsEchoedWholeAndErasedWhole() {
        type("x\uD83D\uDE00");
        assertEquals("x\uD83D\uDE00", out.echo.toString());
        type("\b\r");
        assertEquals(List.of("x"), out.lines);
    }

    @Test
    void ctrlUErasesTheLineAndCtrlWTheLastWord() {
        type("one two  \u0017three\r");
        assertEquals(List.of("one three"), out.lines);
        type("gone\u0015kept\r");
        assertEquals(List.of("one three", "kept"), out.lines);
    }

    @Test
    void arrowAndFunctionKeysNeverLeakIntoTheLine() {
        type("a\u001B[Cb\u001B[Dc\u001BOPd\u001B[15~e\u001Bxf\r");
        assertEquals(List.of("abcdef"), out.lines);
    }

    @Test
    void unterminatedEscapeSequenceIsDroppedAfterABound() {
        type("\u001B[" + "1".repeat(100) + "z\r");
        assertTrue(out.lines.get(0).length() <= 20);
        assertTrue(out.lines.get(0).chars().allMatch(ch -> ch == '1' || ch == 'z'));
    }

    @Test
    void upAndDownWalkTheBoundedHistory() {
        type("first\rsecond\rthird\rfourth\r");
        assertEquals(List.of("second", "third", "fourth"), editor.history());
        type("draft\u001B[A\u001B[A\r");
        assertEquals("third", out.lines.get(4));
        type("\u001B[A\u001B[B\u001B[B");
        assertEquals("", editor.currentLine(), "down past the newest returns to the (empty) draft");
    }

    @Test
    void upBeyondOldestRingsTheBell() {
        type("\u001B[A");
        assertEquals("\u0007", out.echo.toString());
    }

    @Test
    void ctrlCInterruptsAndCtrlDEndsOnlyOnAnEmptyLine() {
        type("abc\u0004");
        assertEquals(0, out.ends);
        type("\u0015\u0004");
        assertEquals(1, out.ends);
        type("x\u0003");
        assertEquals(1, out.interrupts);
        assertEquals("", editor.currentLine());
    }

    @Test
    void highSurrogateWithoutItsLowHalfIsDropped() {
        // Found by LineEditorPropertiesTest: a lone high surrogate stayed in the line.
        type("a\uD83Dx\uD83D\r");
        assertEquals(List.of("ax"), out.lines);
    }

    @Test
    void lineIsCappedAndExtraKeysRingTheBell() {
        type("y".repeat(25));
        assertEquals(20, editor.currentLine().length());
        assertTrue(out.echo.toString().endsWith("\u0007"));
    }
}
