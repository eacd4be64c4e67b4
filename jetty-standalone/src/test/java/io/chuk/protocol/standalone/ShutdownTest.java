package io.chuk.protocol.standalone;

import io.chuk.protocol.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Graceful stop: every session, on every transport, gets its handler's goodbye before the close. */
class ShutdownTest {

    @Test
    void stopSaysTheHandlersGoodbyeOnEveryTransport() throws Exception {
        StandaloneServer server = new StandaloneServer(new ConfigLoader().parse("""
                servers:
                  telnet:
                    port: 0
                    transport: telnet
                    handler_class: io.chuk.protocol.standalone.CustomGoodbyeHandler
                  websocket:
                    port: 0
                    transport: websocket
                    handler_class: io.chuk.protocol.standalone.CustomGoodbyeHandler
                """, "shutdown.yaml"));
        server.start();
        try (LineClient telnet = new LineClient(server.localPort("telnet"));
             WsClient ws = WsClient.connect("ws://127.0.0.1:" + server.localPort("websocket") + "/ws")) {
            telnet.await("> ");
            ws.send("hello");
            ws.await("TEXT Echo: hello");
            server.stop();
            assertEquals("Maintenance: back in 5 minutes. Goodbye telnet!\r\n", telnet.awaitClose());
            ws.await("TEXT Maintenance: back in 5 minutes. Goodbye websocket!");
        } finally {
            server.close();
        }
    }
}
