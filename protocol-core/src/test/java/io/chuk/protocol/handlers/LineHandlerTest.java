package io.chuk.protocol.handlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineHandlerTest {

    /** The default LineHandler behaviour, unchanged. */
    public static class PlainLineHandler extends LineHandler {
    }

    /** Records the lines processLine sees, then behaves as the default. */
    public static class RecordingLineHandler extends LineHandler {
        final List<String> lines = new ArrayList<>();

        @Override
        public void processLine(String line) throws Exception {
            lines.add(line);
            super.processLine(line);
        }
    }

    /** Throws on the line "boom". */
    public static class FailingLineHandler extends RecordingLineHandler {
        static final IllegalStateException BOOM = new IllegalStateException("boom");

        @Override
        public void processLine(String line) throws Exception {
            if (line.equals("boom")) {
                lines.add(line);
                throw BOOM;
            }
            super.processLine(line);
        }
    }

    private FakeHandlerContext context = FakeHandlerContext.forHandler(PlainLineHandler.class, false);

    private <H extends LineHandler> H attach(H handler) {
        handler.attach(context);
        return handler;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"quit", "exit", "q", "QUIT", "Exit", "Q", " q ", "  quit\t"})
    void quitWordsSayGoodbyeAndClose(String word) throws Exception {
        LineHandler handler = attach(new PlainLineHandler());
        handler.processLine(word);
        assertEquals(List.of("LINE:Goodbye!", "CLOSE"), context.events());
        assertTrue(handler.isSessionEnded());
    }

    @Test
    void quitWordTypedOverTheWireEndsTheSessionAndLaterLinesAreIgnored() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processData(utf8("QUIT\r\nafter\r\n"));
        assertEquals(List.of("LINE:Goodbye!", "CLOSE"), context.events());
        assertEquals(List.of("QUIT"), handler.lines);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t  "})
    void blankLineOnlyShowsThePrompt(String line) throws Exception {
        attach(new PlainLineHandler()).processLine(line);
        assertEquals(List.of("PROMPT:> "), context.events());
    }

    @Test
    void otherLineGoesToOnCommandSubmittedThenPrompt() throws Exception {
        attach(new PlainLineHandler()).processLine("  hello world  ");
        assertEquals(List.of("LINE:You entered: hello world", "PROMPT:> "), context.events());
    }

    @Test
    void wordsThatOnlyContainAQuitWordDoNotQuit() throws Exception {
        LineHandler handler = attach(new PlainLineHandler());
        handler.processLine("quitter");
        handler.processLine("q q");
        assertEquals(List.of("LINE:You entered: quitter", "PROMPT:> ", "LINE:You entered: q q", "PROMPT:> "),
                context.events());
        assertEquals(0, context.closeCount());
    }

    @Test
    void bytesAreAssembledIntoLines() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processData(utf8("one\r\ntw"));
        handler.processData(utf8("o\nthr"));
        handler.processData(utf8("ee\r"));
        handler.processData(new byte[]{0});
        handler.processData(utf8("four\r\n"));
        assertEquals(List.of("one", "two", "three", "four"), handler.lines);
    }

    @Test
    void processMessageSplitsOnNewlines() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("a\nb");
        assertEquals(List.of("a", "b"), handler.lines);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"x\n", "x\r\n", "x\r", "x"})
    void processMessageWithATrailingNewlineIsOneLine(String message) throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage(message);
        assertEquals(List.of("x"), handler.lines);
    }

    @Test
    void processMessageHandlesMixedLineEndings() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("a\r\nb\rc\nd");
        assertEquals(List.of("a", "b", "c", "d"), handler.lines);
    }

    @Test
    void emptyMessageIsOneBlankLine() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("");
        assertEquals(List.of(""), handler.lines);
        assertEquals(List.of("PROMPT:> "), context.events());
    }

    @Test
    void processMessageStopsAfterQuit() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("hi\nquit\nnever");
        assertEquals(List.of("hi", "quit"), handler.lines);
        assertEquals(List.of("LINE:You entered: hi", "PROMPT:> ", "LINE:Goodbye!", "CLOSE"), context.events());
    }

    @Test
    void overLongMessageLineIsRefusedWithAMessage() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingLineHandler.class, false, 5);
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("123456\n12345");
        assertEquals(List.of("12345"), handler.lines);
        assertEquals("LINE:Line too long (limit 5 bytes); it was discarded.", context.events().get(0));
    }

    @Test
    void overLongMessageLineIsMeasuredInUtf8Bytes() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingLineHandler.class, false, 5);
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processMessage("ééé"); // 6 bytes, 3 chars
        handler.processMessage("é😀"); // 6 bytes
        handler.processMessage("a😀"); // 5 bytes: fits
        assertEquals(List.of("a😀"), handler.lines);
        assertEquals(2, context.events().stream().filter(e -> e.startsWith("LINE:Line too long")).count());
    }

    @Test
    void overLongLineOverTheWireIsRefusedAndTheNextLineWorks() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingLineHandler.class, false, 8);
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processData(utf8("x".repeat(9) + "\r\nshort\r\n"));
        assertEquals(List.of("short"), handler.lines);
        assertEquals(List.of("LINE:Line too long (limit 8 bytes); it was discarded.",
                "LINE:You entered: short", "PROMPT:> "), context.events());
    }

    @Test
    void endOfInputDeliversAPartialLine() throws Exception {
        RecordingLineHandler handler = attach(new RecordingLineHandler());
        handler.processData(utf8("partial"));
        assertEquals(List.of(), handler.lines);
        handler.onEndOfInput();
        assertEquals(List.of("partial"), handler.lines);
    }

    @Test
    void exceptionInProcessLinePropagatesAndSkipsTheRestOfThatInput() throws Exception {
        FailingLineHandler handler = attach(new FailingLineHandler());
        Exception thrown = assertThrows(Exception.class, () -> handler.processData(utf8("boom\nafter\n")));
        assertSame(FailingLineHandler.BOOM, thrown);
        assertEquals(List.of("boom"), handler.lines);
        handler.processData(utf8("next\n"));
        assertEquals(List.of("boom", "next"), handler.lines, "the handler keeps working after the exception");
    }

    @Test
    void exceptionInProcessLinePropagatesFromEndOfInput() {
        FailingLineHandler handler = attach(new FailingLineHandler());
        assertThrows(IllegalStateException.class, () -> {
            handler.processData(utf8("boom"));
            handler.onEndOfInput();
        });
    }

    @Test
    void charactersTypedOneByOneBecomeALine() throws Exception {
        PlainLineHandler handler = attach(new PlainLineHandler());
        for (char c : "hi\r".toCharArray()) {
            handler.processCharacter(c);
        }
        assertTrue(context.events().contains("PROMPT:> "), context.events().toString());
        assertTrue(context.events().stream().anyMatch(e -> e.contains("hi")), context.events().toString());
    }

    @Test
    void welcomeIsTheMessageThenThePrompt() throws Exception {
        context = FakeHandlerContext.withWelcome(PlainLineHandler.class, "Hello!");
        attach(new PlainLineHandler()).sendWelcome();
        assertEquals(List.of("LINE:Hello!", "PROMPT:> "), context.events());
    }

    @Test
    void welcomeWithoutMessageIsOnlyThePrompt() throws Exception {
        attach(new PlainLineHandler()).sendWelcome();
        assertEquals(List.of("PROMPT:> "), context.events());
    }
}
