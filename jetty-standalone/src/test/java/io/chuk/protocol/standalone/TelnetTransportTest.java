package io.chuk.protocol.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The telnet and ws_telnet transports at the byte level: negotiation, fallback, character mode. */
class TelnetTransportTest {

    private static final String OPENING = "\u00FF\u00FB\u0001\u00FF\u00FB\u0003\u00FF\u00FD\u0003"
            + "\u00FF\u00FD\u0018\u00FF\u00FD\u001F\u00FF\u00FC\"";
    private static final byte IAC = (byte) 255;
    private static final byte WILL = (byte) 251;
    private static final byte DO = (byte) 253;
    private static final byte SB = (byte) 250;
    private static final byte SE = (byte) 240;

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello telnet
                  ws_telnet:
                    port: 0
                    transport: ws_telnet
                    handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                    welcome_message: Hello ws_telnet
                """);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void negotiationAndWelcomeArriveAtOnceWithoutTheClientSendingAnything() throws Exception {
        try (LatinClient client = new LatinClient(running.port("telnet"))) {
            long start = System.nanoTime();
            String first = client.await("> ");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(first.startsWith(OPENING + "Hello telnet\r\n"), first);
            assertTrue(millis < 900, "the original waited a second before negotiating; took " + millis + " ms");
        }
    }

    @Test
    void clientThatNeverNegotiatesGetsAPlainLineSessionAndLosesNothing() throws Exception {
        try (LatinClient client = new LatinClient(running.port("telnet"))) {
            client.send("0123456789ABCDEF\r\n".getBytes(StandardCharsets.US_ASCII));
            client.await("> ");
            String reply = client.await("> ");
            assertEquals("Echo: 0123456789ABCDEF\r\n> ", reply, "no byte lost, no GA for a raw client");
        }
    }

    @Test
    void telnetClientInCharacterModeGetsEchoTerminalTypeAndWindowSize() throws Exception {
        try (LatinClient client = new LatinClient(running.port("telnet"))) {
            client.await("> ");
            client.send(new byte[] {IAC, DO, 1, IAC, DO, 3, IAC, WILL, 3, IAC, WILL, 24, IAC, WILL, 31,
                IAC, SB, 31, 0, 120, 0, 40, IAC, SE});
            client.await("\u00FF\u00FA\u0018\u0001\u00FF\u00F0"); // SB TTYPE SEND
            byte[] name = "xterm-256color".getBytes(StandardCharsets.US_ASCII);
            byte[] is = new byte[name.length + 6];
            is[0] = IAC;
            is[1] = SB;
            is[2] = 24;
            is[3] = 0;
            System.arraycopy(name, 0, is, 4, name.length);
            is[is.length - 2] = IAC;
            is[is.length - 1] = SE;
            client.send(is);
            for (char c : "infx\u007Fo".toCharArray()) {
                client.send(new byte[] {(byte) c});
            }
            client.await("inf");
            client.await("x\b \bo");
            client.send("\r\n".getBytes(StandardCharsets.US_ASCII));
            String info = client.await("Echo option: Enabled\r\n> ");
            assertTrue(info.contains("Terminal type: xterm-256color\r\n"), info);
            assertTrue(info.contains("Window size: 120x40\r\n"), info);
            assertTrue(info.contains("Line mode: Disabled\r\n"), info);
            client.send("hi\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = client.await("Echo: hi\r\n> ");
            client.send("quit\r\0".getBytes(StandardCharsets.US_ASCII));
            String rest = client.awaitClose();
            assertFalse(reply.contains("> \r\n> ") || rest.contains("> \r\n> "), "CR LF must be one Enter, not two");
            assertTrue(rest.endsWith("Goodbye!\r\n"), rest);
        }
    }

    @Test
    void lineModeClientGetsEraseLineAndInterruptHonoured() throws Exception {
        try (LatinClient client = new LatinClient(running.port("telnet"))) {
            client.await("> ");
            byte dont = (byte) 254;
            client.send(new byte[] {IAC, dont, 1}); // DONT ECHO: the client edits lines itself
            client.send("wrong".getBytes(StandardCharsets.US_ASCII));
            client.send(new byte[] {IAC, (byte) 248}); // IAC EL
            client.send("right\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(client.await("> ").endsWith("Echo: right\r\n> "));
            client.send(new byte[] {'x', IAC, (byte) 244}); // IAC IP
            assertTrue(client.awaitClose().endsWith("^C - Closing connection.\r\n"));
        }
    }

    @Test
    void keepaliveGoesToTelnetClientsButNotToRawOnes() throws Exception {
        try (RunningServer keepalive = new RunningServer("""
                port: 0
                transport: telnet
                handler_class: io.chuk.protocol.samples.echo.EchoTelnetHandler
                keepalive: nop
                keepalive_interval: 0.2
                """);
             LatinClient raw = new LatinClient(keepalive.port("telnet"));
             LatinClient telnet = new LatinClient(keepalive.port("telnet"))) {
            raw.await("> ");
            telnet.await("> ");
            telnet.send(new byte[] {IAC, DO, 3});
            telnet.await("\u00FF\u00F1"); // IAC NOP
            telnet.await("\u00FF\u00F1");
            raw.send("still here\r\n".getBytes(StandardCharsets.US_ASCII));
            String rawOutput = raw.await("Echo: still here");
            assertFalse(rawOutput.contains("\u00FF\u00F1"), "a client that never negotiated gets no IAC NOP");
        }
    }

    @Test
    void wsTelnetCarriesTheTelnetStreamInCoalescedBinaryFrames() throws Exception {
        try (WsClient ws = WsClient.connect(running.ws("ws_telnet", "/ws_telnet"))) {
            StringBuilder received = new StringBuilder();
            int frames = ws.awaitBinary("> ", received);
            assertTrue(received.toString().startsWith(OPENING + "Hello ws_telnet\r\n"), received.toString());
            assertTrue(frames <= 3, "opening and welcome coalesced, got " + frames + " frames");
            ws.sendBinary(new byte[] {IAC, DO, 1, IAC, DO, 3});
            ws.sendBinary("hello".getBytes(StandardCharsets.US_ASCII));
            received.setLength(0);
            int echoFrames = ws.awaitBinary("hello", received);
            ws.sendBinary("\r".getBytes(StandardCharsets.US_ASCII));
            received.setLength(0);
            ws.awaitBinary("Echo: hello\r\n> ", received);
            assertTrue(echoFrames <= 5, "typed characters are not one frame each: " + echoFrames);
            ws.sendBinary("quit\r".getBytes(StandardCharsets.US_ASCII));
            received.setLength(0);
            ws.awaitBinary("Goodbye!\r\n", received);
            assertEquals("CLOSE 1000 Session ended", ws.next());
        }
    }
}
