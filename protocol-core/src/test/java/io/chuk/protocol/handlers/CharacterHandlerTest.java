package io.chuk.protocol.handlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharacterHandlerTest {

    /** The default CharacterHandler, recording submitted commands. */
    public static class RecordingCharacterHandler extends CharacterHandler {
        final List<String> commands = new ArrayList<>();

        @Override
        public void onCommandSubmitted(String command) throws Exception {
            commands.add(command);
            super.onCommandSubmitted(command);
        }
    }

    /** Records every character it is given and does nothing else. */
    public static class CharacterRecorder extends CharacterHandler {
        final StringBuilder characters = new StringBuilder();

        @Override
        public void processCharacter(char c) {
            characters.append(c);
        }
    }

    private static final byte[] ERASE = {0x08, 0x20, 0x08};

    private FakeHandlerContext context;
    private RecordingCharacterHandler handler;

    private void start(boolean serverEchoes) {
        context = FakeHandlerContext.forHandler(RecordingCharacterHandler.class, serverEchoes);
        handler = new RecordingCharacterHandler();
        handler.attach(context);
    }

    private void type(String text) throws Exception {
        handler.processData(text.getBytes(StandardCharsets.UTF_8));
    }

    private long prompts() {
        return context.events().stream().filter(e -> e.equals("PROMPT:> ")).count();
    }

    @Test
    void typedCharactersAreEchoedWhenTheServerEchoes() throws Exception {
        start(true);
        type("ab€");
        assertEquals(List.of("RAW:a", "RAW:b", "RAW:€"), context.events());
    }

    @Test
    void typedCharactersAreNotEchoedWhenTheClientEchoes() throws Exception {
        start(false);
        type("ab€");
        assertEquals(List.of(), context.events());
    }

    @Test
    void emojiIsEchoedOnceAsAWholeCharacter() throws Exception {
        start(true);
        type("😀");
        assertEquals(List.of("RAW:😀"), context.events());
    }

    @ParameterizedTest(name = "erase byte {0}")
    @ValueSource(ints = {0x08, 0x7F})
    void backspaceErasesOnScreenAndInTheLine(int erase) throws Exception {
        start(true);
        type("ab" + (char) erase);
        assertArrayEquals(ERASE, context.rawWrites().get(2));
        type("\r");
        assertEquals(List.of("a"), handler.commands);
    }

    @Test
    void backspaceOnEmptyLineSendsNothing() throws Exception {
        start(true);
        type("\b\u007f");
        assertEquals(List.of(), context.events());
    }

    @Test
    void backspaceWithoutServerEchoStillEditsTheLine() throws Exception {
        start(false);
        type("abc\b\bd\r");
        assertEquals(List.of("ad"), handler.commands);
        assertTrue(context.rawWrites().isEmpty());
    }

    @Test
    void backspaceRemovesAWholeEmoji() throws Exception {
        start(false);
        type("a😀\b\r");
        assertEquals(List.of("a"), handler.commands);
    }

    @Test
    void crLfIsOneEnter() throws Exception {
        start(false);
        type("hi\r\n");
        assertEquals(List.of("LINE:You entered: hi", "PROMPT:> "), context.events());
    }

    @Test
    void crLfIsOneEnterWithEcho() throws Exception {
        start(true);
        type("hi\r\n");
        assertEquals(List.of("RAW:h", "RAW:i", "RAW:\r\n", "LINE:You entered: hi", "PROMPT:> "), context.events());
    }

    @Test
    void crLfSplitAcrossReadsIsOneEnter() throws Exception {
        start(false);
        type("hi\r");
        type("\n");
        assertEquals(1, prompts());
        assertEquals(List.of("hi"), handler.commands);
    }

    @Test
    void crNulIsOneEnter() throws Exception {
        start(false);
        type("hi\r\0");
        assertEquals(List.of("LINE:You entered: hi", "PROMPT:> "), context.events());
    }

    @Test
    void bareLfAndBareCrAreEachOneEnter() throws Exception {
        start(false);
        type("a\nb\rc\n\n");
        assertEquals(List.of("a", "b", "c"), handler.commands);
        assertEquals(4, prompts(), "three commands and one empty Enter");
    }

    @Test
    void crCrIsTwoEnters() throws Exception {
        start(false);
        type("\r\r");
        assertEquals(2, prompts());
    }

    @Test
    void ctrlCEndsTheSessionAndIgnoresTheRest() throws Exception {
        start(false);
        type("ab\u0003more\r");
        assertEquals(List.of("LINE:^C - Closing connection.", "CLOSE"), context.events());
        assertTrue(handler.isSessionEnded());
        assertEquals(List.of(), handler.commands);
    }

    @Test
    void quitWordEndsTheSessionWithoutPrompt() throws Exception {
        start(false);
        type(" Quit \r");
        assertEquals(List.of("LINE:Goodbye!", "CLOSE"), context.events());
        assertEquals(List.of(), handler.commands);
    }

    @Test
    void multiByteCharacterSplitAcrossReadsArrivesAsOneCharacter() throws Exception {
        context = FakeHandlerContext.forHandler(CharacterRecorder.class, false);
        CharacterRecorder recorder = new CharacterRecorder();
        recorder.attach(context);
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        recorder.processData(new byte[]{euro[0]});
        recorder.processData(new byte[]{euro[1]});
        assertEquals("", recorder.characters.toString(), "nothing before the last byte");
        recorder.processData(new byte[]{euro[2]});
        assertEquals("€", recorder.characters.toString());
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        recorder.processData(new byte[]{emoji[0], emoji[1]});
        recorder.processData(new byte[]{emoji[2], emoji[3], 'x'});
        assertEquals("€😀x", recorder.characters.toString());
    }

    @Test
    void malformedInputBecomesReplacementCharacter() throws Exception {
        context = FakeHandlerContext.forHandler(CharacterRecorder.class, false);
        CharacterRecorder recorder = new CharacterRecorder();
        recorder.attach(context);
        recorder.processData(new byte[]{'a', (byte) 0xFF, 'b'});
        assertEquals("a\uFFFDb", recorder.characters.toString());
    }

    @Test
    void lineIsCappedAtMaxLineLength() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingCharacterHandler.class, true, 5);
        handler = new RecordingCharacterHandler();
        handler.attach(context);
        type("abcdefgh");
        assertEquals(List.of("RAW:a", "RAW:b", "RAW:c", "RAW:d", "RAW:e", "RAW:\u0007", "RAW:\u0007", "RAW:\u0007"),
                context.events(), "keystrokes past the limit ring the bell and are not kept");
        type("\r");
        assertEquals(List.of("abcde"), handler.commands);
    }

    @Test
    void emojiThatDoesNotFitUnderTheCapLeavesNoHalfCharacter() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingCharacterHandler.class, false, 3);
        handler = new RecordingCharacterHandler();
        handler.attach(context);
        type("ab😀😀\r");
        assertEquals(1, handler.commands.size());
        String command = handler.commands.get(0);
        assertTrue(command.startsWith("ab"), command);
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < command.length() && Character.isLowSurrogate(command.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(command.charAt(i - 1)));
            assertTrue(paired, "unpaired surrogate at index " + i + " in " + escape(command));
        }
    }

    @Test
    void emojiThatExactlyFitsUnderTheCapIsKeptAndEchoed() throws Exception {
        context = FakeHandlerContext.withMaxLineLength(RecordingCharacterHandler.class, true, 6);
        handler = new RecordingCharacterHandler();
        handler.attach(context);
        type("ab😀c\r");
        assertEquals(List.of("ab😀"), handler.commands, "the limit counts UTF-8 bytes: 2 + 4");
        assertEquals(List.of("RAW:a", "RAW:b", "RAW:😀", "RAW:\u0007", "RAW:\r\n"), context.events().subList(0, 5));
    }

    @Test
    void controlCharactersOtherThanTabAreIgnored() throws Exception {
        start(false);
        type("a\u001b\u0001\tb\r");
        assertEquals(List.of("a\tb"), handler.commands);
    }

    @Test
    void processMessageIsTypedTextFollowedByEnter() throws Exception {
        start(false);
        handler.processMessage("hello");
        assertEquals(List.of("LINE:You entered: hello", "PROMPT:> "), context.events());
    }

    @Test
    void processMessageStopsWhenTheSessionEnds() throws Exception {
        start(false);
        handler.processMessage("a\u0003b");
        assertEquals(List.of("LINE:^C - Closing connection.", "CLOSE"), context.events());
        assertFalse(context.events().contains("PROMPT:> "));
    }

    @Test
    void welcomeIsMessageThenPrompt() throws Exception {
        context = FakeHandlerContext.withWelcome(RecordingCharacterHandler.class, "Hi");
        handler = new RecordingCharacterHandler();
        handler.attach(context);
        handler.sendWelcome();
        assertEquals(List.of("LINE:Hi", "PROMPT:> "), context.events());
    }

    @Test
    void currentCommandShowsTheLineBeingTyped() throws Exception {
        start(false);
        type("abc\b");
        assertEquals("ab", handler.currentCommand());
        type("\r");
        assertEquals("", handler.currentCommand());
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
