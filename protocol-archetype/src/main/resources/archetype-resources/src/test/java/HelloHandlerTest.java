package ${package};

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.testkit.HandlerTestKit;
import io.chuk.protocol.testkit.TestSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HelloHandler in the handler test kit: no server, no sockets. Lines may start with the prompt, hence endsWith. */
class HelloHandlerTest {

    @Test
    void answersALine() throws Exception {
        try (TestSession session = HandlerTestKit.open(HelloHandler.class, Transport.TCP)) {
            session.sendLine("hi");
            assertTrue(session.lines().stream().anyMatch(line -> line.endsWith("Hello, hi!")), () -> "lines: " + session.lines());
            assertFalse(session.isClosed());
        }
    }

    @Test
    void quitEndsTheSession() throws Exception {
        try (TestSession session = HandlerTestKit.open(HelloHandler.class, Transport.TCP)) {
            session.sendLine("quit");
            assertTrue(session.lines().stream().anyMatch(line -> line.endsWith("Goodbye!")), () -> "lines: " + session.lines());
            assertTrue(session.isClosed());
        }
    }
}
