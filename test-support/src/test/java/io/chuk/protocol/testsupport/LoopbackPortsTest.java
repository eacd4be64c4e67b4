package io.chuk.protocol.testsupport;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackPortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndBindable() throws Exception {
        int port = LoopbackPorts.freeBelow32768();
        assertTrue(port > 0 && port < 32768, "port " + port);
        try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(bound.isBound());
        }
    }

    @Test
    void aProgramThatExitsBeforeListeningFailsWithItsOutput() throws Exception {
        Process program = new ProcessBuilder("sh", "-c", "echo no such port; exit 3").redirectErrorStream(true).start();
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LoopbackPorts.awaitListening(LoopbackPorts.freeBelow32768(), program, "fake"));
        assertTrue(failure.getMessage().startsWith("fake exited: no such port"), failure.getMessage());
    }

    @Test
    void aListeningPortIsSeen() throws Exception {
        Process program = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertDoesNotThrow(() -> LoopbackPorts.awaitListening(listening.getLocalPort(), program, "sleep"));
        } finally {
            program.destroyForcibly();
        }
    }
}
