package io.chuk.protocol.bench;

import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPathBenchTest {

    @Test
    void everyTransportAndSessionCountIsMeasuredWithEveryAnswerCounted() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // run() fails if our sessions did not answer every message in full
        List<SessionPathBench.Row> rows = SessionPathBench.run(5_000, List.of(1, 1000), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(List.of(Transport.WEBSOCKET, Transport.WEBSOCKET, Transport.TCP, Transport.TCP,
                Transport.TELNET, Transport.TELNET), rows.stream().map(SessionPathBench.Row::transport).toList());
        assertEquals(List.of(1, 1000, 1, 1000, 1, 1000), rows.stream().map(SessionPathBench.Row::sessions).toList());
        assertTrue(rows.stream().allMatch(row -> row.oursNanos() > 0 && row.bareNanos() > 0), rows.toString());
        String table = printed.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("ours/bare") && table.contains("every answer counted"), table);
    }
}
