package io.chuk.protocol.telnet.mud;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The MSDP commands and reporting, without I/O. */
class MsdpServerTest {

    private static MsdpServer.Outcome send(MsdpServer server, String name, Object value) {
        return server.receive(List.of(new MsdpCodec.Variable(name, value)));
    }

    private static List<MsdpCodec.Variable> decoded(MsdpServer.Outcome outcome) {
        return outcome.replies().stream().flatMap(body -> MsdpCodec.parse(body, 0, body.length).stream()).toList();
    }

    @Test
    void listAnswersTheCommandsTheListsAndTheVariables() {
        MsdpServer server = new MsdpServer();
        server.set("HEALTH", 42);
        server.set("ROOM_NAME", "The Square");
        assertEquals(List.of(new MsdpCodec.Variable("COMMANDS", List.of("LIST", "REPORT", "RESET", "SEND", "UNREPORT")),
                new MsdpCodec.Variable("REPORTABLE_VARIABLES", List.of("HEALTH", "ROOM_NAME")),
                new MsdpCodec.Variable("SENDABLE_VARIABLES", List.of("HEALTH", "ROOM_NAME"))),
                decoded(send(server, "LIST", List.of("COMMANDS", "REPORTABLE_VARIABLES", "SENDABLE_VARIABLES"))));
        assertEquals(MsdpServer.LISTS, decoded(send(server, "LIST", "LISTS")).get(0).value());
        assertEquals(List.of(), decoded(send(server, "LIST", "NO_SUCH_LIST")), "an unknown list gets nothing");
    }

    @Test
    void aReportedVariableIsSentAtOnceAndWhenItChangesOnly() {
        MsdpServer server = new MsdpServer();
        server.set("HEALTH", 42);
        assertEquals(List.of(new MsdpCodec.Variable("HEALTH", "42")), decoded(send(server, "REPORT", "HEALTH")));
        assertNull(server.set("HEALTH", 42), "unchanged: nothing to send");
        assertArrayEquals(MsdpCodec.encode("HEALTH", "41"), server.set("HEALTH", 41));
        assertNull(server.set("MANA", 5), "not reported");
        assertEquals(List.of(), decoded(send(server, "REPORT", "LATER")), "reported before it has a value");
        assertArrayEquals(MsdpCodec.encode("LATER", "1"), server.set("LATER", 1));
        assertEquals(List.of(new MsdpCodec.Variable("REPORTED_VARIABLES", List.of("HEALTH", "LATER"))),
                decoded(send(server, "LIST", "REPORTED_VARIABLES")));
        send(server, "UNREPORT", "HEALTH");
        assertNull(server.set("HEALTH", 40));
        assertEquals(Set.of("LATER"), server.reported());
        send(server, "RESET", "REPORTABLE_VARIABLES");
        assertEquals(Set.of(), server.reported());
    }

    @Test
    void sendAnswersKnownVariablesOnce() {
        MsdpServer server = new MsdpServer();
        server.set("HEALTH", 42);
        assertEquals(List.of(new MsdpCodec.Variable("HEALTH", "42")),
                decoded(send(server, "SEND", List.of("HEALTH", "UNKNOWN"))));
        assertEquals(Set.of(), server.reported(), "SEND does not report");
    }

    @Test
    void variablesThatAreNotCommandsGoToTheHandler() {
        MsdpServer server = new MsdpServer();
        MsdpServer.Outcome outcome = send(server, "CLIENT_NAME", "TinTin++");
        assertEquals(List.of(new MsdpCodec.Variable("CLIENT_NAME", "TinTin++")), outcome.forHandler());
        assertEquals(List.of(), outcome.replies());
    }

    @Test
    void reportingIsBounded() {
        MsdpServer server = new MsdpServer();
        for (int i = 0; i < MsdpServer.MAX_REPORTED + 50; i++) {
            send(server, "REPORT", "V" + i);
        }
        assertEquals(MsdpServer.MAX_REPORTED, server.reported().size());
    }
}
