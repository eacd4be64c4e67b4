package io.chuk.protocol.line;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineAssemblerTest {

    /** Records lines as text and over-long lines as {@code TOO_LONG(limit)}. */
    private static final class Recorder implements LineAssembler.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void line(String line) {
            events.add(line);
        }

        @Override
        public void lineTooLong(int limit) {
            events.add("TOO_LONG(" + limit + ")");
        }
    }

    private final Recorder out = new Recorder();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            buffer.writeBytes(part);
        }
        return buffer.toByteArray();
    }

    private List<String> feedAll(int limit, byte[]... chunks) {
        LineAssembler assembler = new LineAssembler(limit);
        for (byte[] chunk : chunks) {
            assembler.feed(chunk, out);
        }
        return out.events;
    }

    @ParameterizedTest(name = "terminator {0}")
    @ValueSource(strings = {"\r\n", "\n", "\r", "\r\0"})
    void eachTerminatorEndsExactlyOneLine(String terminator) {
        assertEquals(List.of("hello", "world"), feedAll(100, utf8("hello" + terminator + "world" + terminator)));
    }

    @ParameterizedTest(name = "terminator {0}")
    @ValueSource(strings = {"\r\n", "\r\0"})
    void twoByteTerminatorSplitAcrossFeedsIsOneLine(String terminator) {
        assertEquals(List.of("abc", "def"), feedAll(100,
                utf8("abc" + terminator.charAt(0)), utf8(terminator.charAt(1) + "def\n")));
    }

    @Test
    void crLfSplitAcrossFeedsDoesNotProduceAnEmptyLine() {
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed(utf8("abc\r"), out);
        assertEquals(List.of("abc"), out.events, "the CR alone already ends the line");
        assembler.feed(utf8("\n"), out);
        assertEquals(List.of("abc"), out.events, "the LF after it adds nothing");
    }

    @Test
    void bareCrFollowedByTextStartsTheNextLine() {
        assertEquals(List.of("a", "b"), feedAll(100, utf8("a\rb\n")));
    }

    @Test
    void lfCrIsTwoLineEnds() {
        assertEquals(List.of("a", ""), feedAll(100, utf8("a\n\r")));
    }

    @Test
    void emptyLinesAreDelivered() {
        assertEquals(List.of("", "", "x"), feedAll(100, utf8("\r\n\nx\n")));
    }

    @Test
    void crCrIsTwoLines() {
        assertEquals(List.of("a", ""), feedAll(100, utf8("a\r\r")));
    }

    @Test
    void feedWithOffsetAndCountUsesOnlyThatRange() {
        LineAssembler assembler = new LineAssembler(100);
        byte[] data = utf8("XXab\ncdYY");
        assembler.feed(data, 2, 4, out);
        assembler.finish(out);
        assertEquals(List.of("ab", "c"), out.events);
    }

    @ParameterizedTest(name = "erase byte {0}")
    @ValueSource(ints = {0x08, 0x7F})
    void backspaceAndDelEraseTheLastCharacter(int erase) {
        assertEquals(List.of("abd"), feedAll(100, concat(utf8("abc"), bytes(erase), utf8("d\n"))));
    }

    @ParameterizedTest(name = "erase {0}")
    @ValueSource(strings = {"é", "€", "😀"})
    void eraseRemovesAWholeMultiByteCharacter(String character) {
        assertEquals(List.of("ab"), feedAll(100, concat(utf8("a" + character), bytes(0x7F), utf8("b\n"))));
        out.events.clear();
        assertEquals(List.of("xy"), feedAll(100, concat(utf8("x" + character), bytes(0x08), utf8("y\n"))));
    }

    @Test
    void eraseRemovesOneCharacterPerByte() {
        assertEquals(List.of("aé"), feedAll(100, concat(utf8("aé€😀"), bytes(0x08, 0x7F), utf8("\n"))));
    }

    @Test
    void eraseOnAnEmptyLineIsHarmless() {
        assertEquals(List.of("", "ok"), feedAll(100, concat(bytes(0x08, 0x7F, 0x08), utf8("\nok\n"))));
    }

    @Test
    void eraseMoreThanTypedLeavesAnEmptyLineAndTypingContinues() {
        assertEquals(List.of("z"), feedAll(100, concat(utf8("ab"), bytes(8, 8, 8, 8), utf8("z\n"))));
    }

    @Test
    void eraseAcrossFeedsWorks() {
        assertEquals(List.of("a"), feedAll(100, utf8("a€"), bytes(0x7F), utf8("\n")));
    }

    @Test
    void lineExactlyAtTheLimitIsKept() {
        String line = "x".repeat(16);
        assertEquals(List.of(line), feedAll(16, utf8(line + "\n")));
    }

    @Test
    void lineOneByteOverTheLimitIsReportedOnceAndTheNextLineWorks() {
        assertEquals(List.of("TOO_LONG(16)", "next"), feedAll(16, utf8("x".repeat(17) + "\r\nnext\r\n")));
    }

    @Test
    void overLongLineIsReportedOnceEvenWhenFedInPieces() {
        LineAssembler assembler = new LineAssembler(8);
        for (int i = 0; i < 100; i++) {
            assembler.feed(utf8("0123456789"), out);
        }
        assertEquals(List.of(), out.events, "nothing is reported before the line ends");
        assertTrue(assembler.hasPartialLine());
        assembler.feed(utf8("\nok\n"), out);
        assertEquals(List.of("TOO_LONG(8)", "ok"), out.events);
        assertFalse(assembler.hasPartialLine());
    }

    @Test
    void eraseAfterOverflowDoesNotBringTheLineBack() {
        assertEquals(List.of("TOO_LONG(4)"), feedAll(4, concat(utf8("abcdef"), bytes(8, 8, 8), utf8("\n"))));
    }

    @Test
    void tenMegabyteLineWithoutNewlineKeepsTheBufferBounded() {
        int limit = 8192;
        LineAssembler assembler = new LineAssembler(limit);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        int maxSeen = 0;
        for (int fed = 0; fed < 10 * 1024 * 1024; fed += chunk.length) {
            assembler.feed(chunk, out);
            maxSeen = Math.max(maxSeen, assembler.bufferedBytes());
        }
        assertTrue(maxSeen <= limit, "buffered " + maxSeen + " bytes, limit " + limit);
        assertTrue(assembler.bufferedBytes() <= limit);
        assertEquals(List.of(), out.events);
        assembler.feed(utf8("\nafter\n"), out);
        assertEquals(List.of("TOO_LONG(8192)", "after"), out.events);
    }

    @Test
    void bufferedBytesCountsThePartialLine() {
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed(utf8("abé"), out);
        assertEquals(4, assembler.bufferedBytes());
        assembler.feed(utf8("\n"), out);
        assertEquals(0, assembler.bufferedBytes());
    }

    @Test
    void finishDeliversAPartialLine() {
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed(utf8("one\ntwo"), out);
        assertTrue(assembler.hasPartialLine());
        assembler.finish(out);
        assertEquals(List.of("one", "two"), out.events);
        assertFalse(assembler.hasPartialLine());
    }

    @Test
    void finishWithNothingBufferedDeliversNothing() {
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed(utf8("one\n"), out);
        assembler.finish(out);
        assertEquals(List.of("one"), out.events);
    }

    @Test
    void finishDuringAnOverLongLineReportsIt() {
        LineAssembler assembler = new LineAssembler(3);
        assembler.feed(utf8("abcdef"), out);
        assembler.finish(out);
        assertEquals(List.of("TOO_LONG(3)"), out.events);
    }

    @Test
    void utf8IsDecoded() {
        assertEquals(List.of("héllo € 😀"), feedAll(100, utf8("héllo € 😀\n")));
    }

    @Test
    void multiByteCharacterSplitAcrossFeedsIsDecodedWhole() {
        byte[] euro = utf8("€");
        assertEquals(List.of("€"), feedAll(100, new byte[]{euro[0]}, new byte[]{euro[1]}, new byte[]{euro[2], '\n'}));
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() {
        assertEquals(List.of("a\uFFFDb", "\uFFFD"), feedAll(100, concat(utf8("a"), bytes(0xFF), utf8("b\n"), bytes(0xC3), utf8("\n"))));
    }

    @Test
    void nulAloneIsIgnored() {
        assertEquals(List.of("ab"), feedAll(100, concat(utf8("a"), bytes(0), utf8("b"), bytes(0, 0), utf8("\n"))));
    }

    @Test
    void nulOnItsOwnDoesNotEndALine() {
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed(bytes(0, 0, 0), out);
        assertEquals(List.of(), out.events);
        assertFalse(assembler.hasPartialLine());
    }

    @Test
    void controlCharactersOtherThanTheSpecialOnesAreKept() {
        assertEquals(List.of("a\tb\u001b[A"), feedAll(100, utf8("a\tb\u001b[A\n")));
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LineAssembler(0));
    }

    @Test
    void limitOfOneByte() {
        assertEquals(List.of("a", "TOO_LONG(1)", ""), feedAll(1, utf8("a\nab\n\n")));
    }

    @Test
    void ctrlUErasesTheWholeLine() {
        List<String> lines = new java.util.ArrayList<>();
        LineAssembler assembler = new LineAssembler(100);
        assembler.feed("wrong\u0015right\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new LineAssembler.Listener() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void lineTooLong(int limit) {
                lines.add("<too long>");
            }
        });
        assertEquals(List.of("right"), lines);
    }
}
