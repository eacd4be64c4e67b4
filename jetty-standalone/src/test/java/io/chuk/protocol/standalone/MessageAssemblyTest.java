package io.chuk.protocol.standalone;

import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.websocket.core.exception.ProtocolException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessageAssemblyTest {

    private final List<Object> messages = new ArrayList<>();
    private final MessageAssembly.Messages sink = new MessageAssembly.Messages() {
        @Override
        public void text(String message) {
            messages.add(message);
        }

        @Override
        public void binary(ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            messages.add(bytes);
        }
    };

    private static Frame frame(byte opCode, byte[] payload, boolean fin) {
        return new Frame(opCode, fin, ByteBuffer.wrap(payload));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wholeFramesAreMessages() throws Exception {
        MessageAssembly assembly = new MessageAssembly(100);
        assembly.add(frame(OpCode.TEXT, utf8("hello"), true), sink);
        assembly.add(frame(OpCode.TEXT, utf8("h\u00e9llo \u2713"), true), sink);
        assembly.add(frame(OpCode.BINARY, new byte[] {1, 2, (byte) 255}, true), sink);
        assertEquals("hello", messages.get(0));
        assertEquals("h\u00e9llo \u2713", messages.get(1));
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) messages.get(2));
    }

    @Test
    void fragmentsJoinEvenWhereACharacterIsSplit() throws Exception {
        MessageAssembly assembly = new MessageAssembly(100);
        byte[] text = utf8("ab\u2713cd");
        assembly.add(frame(OpCode.TEXT, java.util.Arrays.copyOfRange(text, 0, 3), false), sink);
        assembly.add(frame(OpCode.CONTINUATION, java.util.Arrays.copyOfRange(text, 3, text.length), true), sink);
        assembly.add(frame(OpCode.BINARY, new byte[] {1}, false), sink);
        assembly.add(frame(OpCode.CONTINUATION, new byte[] {2, 3}, true), sink);
        assertEquals(List.of("ab\u2713cd"), messages.subList(0, 1));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) messages.get(1));
    }

    @Test
    void badInputFailsAsJettyClosesIt() {
        assertThrows(BadPayloadException.class, () -> new MessageAssembly(100)
                .add(frame(OpCode.TEXT, new byte[] {'a', (byte) 0xC3}, true), sink));
        assertThrows(MessageTooLargeException.class, () -> new MessageAssembly(4)
                .add(frame(OpCode.TEXT, utf8("hello"), true), sink));
        MessageAssembly growing = new MessageAssembly(4);
        assertThrows(MessageTooLargeException.class, () -> {
            growing.add(frame(OpCode.BINARY, new byte[3], false), sink);
            growing.add(frame(OpCode.CONTINUATION, new byte[3], true), sink);
        });
        assertThrows(ProtocolException.class, () -> new MessageAssembly(100)
                .add(frame(OpCode.CONTINUATION, new byte[1], true), sink));
        MessageAssembly interrupted = new MessageAssembly(100);
        assertThrows(ProtocolException.class, () -> {
            interrupted.add(frame(OpCode.TEXT, utf8("a"), false), sink);
            interrupted.add(frame(OpCode.TEXT, utf8("b"), true), sink);
        });
        assertEquals(List.of(), messages);
    }
}
