package io.chuk.protocol.session;

import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.telnet.Subnegotiation;
import io.chuk.protocol.telnet.TelnetOption;
import io.chuk.protocol.telnet.mud.MsdpCodec;
import io.chuk.protocol.telnet.mud.MsdpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * MSDP of one telnet session over an {@link MsdpServer}: commands from the client are answered
 * here, published variables the client reports are sent when they change. A malformed message
 * is logged once as a warning and dropped.
 */
final class MsdpChannel implements Msdp {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.telnet");

    private final String sessionId;
    private final TelnetStream telnet;
    private final Consumer<byte[]> send;
    private final MsdpServer server = new MsdpServer();

    MsdpChannel(String sessionId, TelnetStream telnet, Consumer<byte[]> send) {
        this.sessionId = sessionId;
        this.telnet = telnet;
        this.send = send;
    }

    @Override
    public boolean enabled() {
        return telnet.isEnabledLocally(TelnetOption.MSDP);
    }

    @Override
    public void set(String name, Object value) {
        byte[] body;
        synchronized (server) {
            body = server.set(name, value);
        }
        if (body != null && enabled()) {
            send.accept(Subnegotiation.frame(TelnetOption.MSDP, body));
        }
    }

    @Override
    public Set<String> variables() {
        synchronized (server) {
            return server.variables();
        }
    }

    @Override
    public Set<String> reported() {
        synchronized (server) {
            return server.reported();
        }
    }

    /**
     * A message from the client: its commands' answers go to {@code reply} (which the telnet layer
     * sends after its own replies to the same read); returns the variables for the handler.
     */
    List<MsdpCodec.Variable> received(byte[] body, int off, int len, Consumer<byte[]> reply) {
        if (!enabled()) {
            return List.of(); // MSDP was never agreed: nothing to answer
        }
        List<MsdpCodec.Variable> variables;
        try {
            variables = MsdpCodec.parse(body, off, len);
        } catch (IllegalArgumentException e) {
            LOG.warn("Session {}: dropped an MSDP message: {}", sessionId, e.getMessage());
            return List.of();
        }
        MsdpServer.Outcome outcome;
        synchronized (server) {
            outcome = server.receive(variables);
        }
        for (byte[] answer : outcome.replies()) {
            reply.accept(Subnegotiation.frame(TelnetOption.MSDP, answer));
        }
        return outcome.forHandler();
    }
}
