package io.chuk.protocol.session;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.compression.Zlib;
import io.chuk.protocol.config.Compression;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.LineHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MCCP2 and MCCP3 through a whole session: negotiation, where compression starts and ends, and bad input. */
class CompressionSessionTest {

    private static final byte IAC = (byte) 255;
    private static final byte[] OPENING = {IAC, (byte) 251, 1, IAC, (byte) 251, 3, IAC, (byte) 253, 3,
            IAC, (byte) 253, 24, IAC, (byte) 253, 31, IAC, (byte) 252, 34};
    private static final byte[] DO_MCCP2 = {IAC, (byte) 253, 86};
    private static final byte[] DONT_MCCP2 = {IAC, (byte) 254, 86};
    private static final byte[] DO_MCCP3 = {IAC, (byte) 253, 87};
    private static final byte[] START_MCCP2 = {IAC, (byte) 250, 86, IAC, (byte) 240};
    private static final byte[] START_MCCP3 = {IAC, (byte) 250, 87, IAC, (byte) 240};
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Answers every command with {@code Echo: <command>}. */
    public static class EchoHandler extends LineHandler {
        @Override
        public void onCommandSubmitted(String command) {
            sendLine("Echo: " + command);
        }
    }

    private final SessionHost host = new SessionHost(HandlerFactory.reflective());

    @AfterEach
    void stop() {
        host.close();
    }

    private static ServerConfig telnet(Compression compression) {
        return ServerConfig.builder("mccp", Transport.TELNET).handlerType(EchoHandler.class)
                .set(ServerKeys.HOST, "127.0.0.1").set(ServerKeys.PORT, 0)
                .set(ServerKeys.WELCOME_MESSAGE, "Welcome!").set(ServerKeys.COMPRESSION, compression).build();
    }

    private ProtocolSession open(FakeSessionChannel channel, Compression compression) throws InterruptedException {
        ProtocolSession session = channel.bind(host.factoryFor(telnet(compression)).open(channel).session());
        assertTrue(channel.awaitOutputContaining("Welcome!"), channel.output());
        return session;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** What the channel shows after the SB that starts compression, inflated as a client would. */
    private static Zlib.Inflated afterStart(byte[] wire) {
        int start = Zlib.indexOf(wire, START_MCCP2);
        assertTrue(start >= 0, "no IAC SB 86 IAC SE in " + Arrays.toString(wire));
        int from = start + START_MCCP2.length;
        return Zlib.inflate(wire, from, wire.length - from);
    }

    private static boolean inflatesTo(FakeSessionChannel channel, String text) {
        byte[] wire = channel.outputBytes();
        return Zlib.indexOf(wire, START_MCCP2) >= 0
                && new String(afterStart(wire).data(), StandardCharsets.UTF_8).contains(text);
    }

    @Test
    void theOpeningOffersWhatTheKeySays() throws Exception {
        FakeSessionChannel off = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        open(off, Compression.OFF);
        assertArrayEquals(OPENING, Arrays.copyOf(off.outputBytes(), OPENING.length));
        assertEquals('W', off.outputBytes()[OPENING.length], "nothing offered beyond the opening six");

        FakeSessionChannel mccp2 = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        open(mccp2, Compression.MCCP2);
        assertArrayEquals(concat(OPENING, new byte[] {IAC, (byte) 251, 86}),
                Arrays.copyOf(mccp2.outputBytes(), OPENING.length + 3));

        FakeSessionChannel both = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        open(both, Compression.MCCP2_MCCP3);
        assertArrayEquals(concat(OPENING, new byte[] {IAC, (byte) 251, 86, IAC, (byte) 251, 87}),
                Arrays.copyOf(both.outputBytes(), OPENING.length + 6));
    }

    /** The output after the welcome of an uncompressed session given {@code input}: what a compressed one must inflate to. */
    private String plainReply(byte[] input, String until) throws Exception {
        FakeSessionChannel plain = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(plain, Compression.OFF);
        int before = plain.outputBytes().length;
        session.receive(ByteBuffer.wrap(input));
        assertTrue(plain.awaitOutputContaining(until));
        byte[] all = plain.outputBytes();
        return new String(all, before, all.length - before, StandardCharsets.UTF_8);
    }

    @Test
    void everyByteAfterTheStartIsCompressedWhereverTheClientsInputIsSplit() throws Exception {
        byte[] input = concat(DO_MCCP2, ascii("hello\r\n"));
        // IAC NOP: the reference client speaks telnet too (prompts get GA), and NOP has no answer
        String expected = plainReply(concat(new byte[] {IAC, (byte) 241}, ascii("hello\r\n")), "Echo: hello");
        for (int split = 0; split <= input.length; split++) {
            FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
            ProtocolSession session = open(channel, Compression.MCCP2);
            byte[] beforeStart = channel.outputBytes();
            session.receive(ByteBuffer.wrap(input, 0, split));
            session.receive(ByteBuffer.wrap(input, split, input.length - split));
            assertTrue(channel.await(() -> inflatesTo(channel, "Echo: hello"), WAIT), "split " + split);
            byte[] wire = channel.outputBytes();
            assertEquals(beforeStart.length, Zlib.indexOf(wire, START_MCCP2), "the start follows the welcome");
            Zlib.Inflated inflated = afterStart(wire);
            assertEquals(expected, new String(inflated.data(), StandardCharsets.UTF_8), "split " + split);
            assertFalse(inflated.ended());
            assertEquals(0, inflated.remaining(), "every byte after the start is part of the stream");
            session.forceClose();
        }
    }

    @Test
    void closingEndsTheStreamBeforeTheConnection() throws Exception {
        FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.ASYNC);
        ProtocolSession session = open(channel, Compression.MCCP2);
        session.receive(ByteBuffer.wrap(concat(DO_MCCP2, ascii("bye\r\n"))));
        assertTrue(channel.await(() -> inflatesTo(channel, "Echo: bye"), WAIT));
        session.closeWithMessage("Goodbye!");
        assertTrue(channel.awaitClosed());
        Zlib.Inflated inflated = afterStart(channel.outputBytesAtClose());
        assertTrue(inflated.ended(), "Z_STREAM_END before the close");
        assertTrue(new String(inflated.data(), StandardCharsets.UTF_8).endsWith("Goodbye!\r\n"));
        channel.shutdown();
    }

    @Test
    void dontEndsTheStreamAndLaterOutputIsPlain() throws Exception {
        FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(channel, Compression.MCCP2);
        session.receive(ByteBuffer.wrap(concat(DO_MCCP2, ascii("one\r\n"))));
        assertTrue(channel.await(() -> inflatesTo(channel, "Echo: one"), WAIT));
        session.receive(ByteBuffer.wrap(concat(DONT_MCCP2, ascii("two\r\n"))));
        assertTrue(channel.awaitOutputContaining("Echo: two"));
        Zlib.Inflated inflated = afterStart(channel.outputBytes());
        assertTrue(inflated.ended());
        byte[] wire = channel.outputBytes();
        String rest = new String(wire, wire.length - inflated.remaining(), inflated.remaining(), StandardCharsets.ISO_8859_1);
        assertEquals("\u00ff\u00fcV", rest.substring(0, 3), "IAC WONT 86, plain, after the stream");
        assertTrue(rest.contains("Echo: two\r\n"), rest);
        session.forceClose();
    }

    @Test
    void compressedInputIsInflatedBeforeTheEngineReadsItWhereverItIsSplit() throws Exception {
        byte[] input = concat(DO_MCCP3, START_MCCP3, Zlib.deflate(ascii("look\r\n")), ascii("plain\r\n"));
        for (int split = 0; split <= input.length; split++) {
            FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
            ProtocolSession session = open(channel, Compression.MCCP2_MCCP3);
            session.receive(ByteBuffer.wrap(input, 0, split));
            session.receive(ByteBuffer.wrap(input, split, input.length - split));
            assertTrue(channel.awaitOutputContaining("Echo: plain"), "split " + split + ": " + channel.output());
            assertTrue(channel.output().contains("Echo: look\r\n"), "split " + split);
            session.forceClose();
        }
    }

    @Test
    void aBombIsCutOffWithAMessage() throws Exception {
        FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(channel, Compression.MCCP2_MCCP3);
        byte[] bomb = Zlib.deflateUnfinished(new byte[64 * 1024 * 1024]); // about 64 KiB expanding to 64 MiB
        session.receive(ByteBuffer.wrap(concat(DO_MCCP3, START_MCCP3)));
        for (int off = 0; off < bomb.length && session.isOpen(); off += 8192) {
            session.receive(ByteBuffer.wrap(bomb, off, Math.min(8192, bomb.length - off)));
        }
        assertTrue(channel.awaitClosed());
        assertTrue(channel.output().contains("Compressed input expands too far; closing."), channel.output());
    }

    @Test
    void aCorruptStreamClosesWithAMessage() throws Exception {
        FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(channel, Compression.MCCP2_MCCP3);
        session.receive(ByteBuffer.wrap(concat(DO_MCCP3, START_MCCP3, ascii("not zlib at all\r\n"))));
        assertTrue(channel.awaitClosed());
        assertTrue(channel.output().contains("Compressed input is corrupt; closing."), channel.output());
        assertFalse(channel.output().contains("Echo:"));
    }

    @Test
    void withoutMccp3TheStartIsIgnoredAndInputStaysPlain() throws Exception {
        FakeSessionChannel channel = new FakeSessionChannel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(channel, Compression.MCCP2);
        session.receive(ByteBuffer.wrap(concat(DO_MCCP3, START_MCCP3, ascii("plain\r\n"))));
        assertTrue(channel.awaitOutputContaining("Echo: plain"));
        session.forceClose();
    }
}
