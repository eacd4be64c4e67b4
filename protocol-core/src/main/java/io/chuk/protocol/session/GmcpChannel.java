package io.chuk.protocol.session;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.telnet.Subnegotiation;
import io.chuk.protocol.telnet.TelnetOption;
import io.chuk.protocol.telnet.mud.GmcpClient;
import io.chuk.protocol.telnet.mud.GmcpMessage;
import io.chuk.protocol.telnet.mud.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Consumer;

/**
 * GMCP of one telnet session: messages out as {@code IAC SB GMCP package json IAC SE}, once the
 * client agreed; messages in checked (UTF-8, package name, JSON), the {@code Core} ones kept in
 * a {@link GmcpClient}. A malformed message is logged once as a warning and dropped.
 */
final class GmcpChannel implements Gmcp {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.telnet");

    private final String sessionId;
    private final TelnetStream telnet;
    private final Consumer<byte[]> send;
    private final GmcpClient client = new GmcpClient();

    GmcpChannel(String sessionId, TelnetStream telnet, Consumer<byte[]> send) {
        this.sessionId = sessionId;
        this.telnet = telnet;
        this.send = send;
    }

    @Override
    public boolean enabled() {
        return telnet.isEnabledLocally(TelnetOption.GMCP);
    }

    @Override
    public boolean send(String packageName, Object value) {
        String problem = GmcpMessage.packageProblem(packageName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String json = Json.write(value); // a bad value fails even when GMCP is off, so it is found in tests
        if (!enabled()) {
            return false;
        }
        send.accept(Subnegotiation.frame(TelnetOption.GMCP, new GmcpMessage(packageName, json).body()));
        return true;
    }

    /** A message from the client, or null when it was malformed (and logged). */
    GmcpMessage received(byte[] body, int off, int len) {
        GmcpMessage message;
        Object value;
        try {
            message = GmcpMessage.parse(body, off, len);
            value = message.json().isEmpty() ? null : Json.read(message.json());
        } catch (IllegalArgumentException e) {
            LOG.warn("Session {}: dropped a GMCP message: {}", sessionId, e.getMessage());
            return null;
        } catch (Json.Malformed e) {
            LOG.warn("Session {}: dropped a GMCP message with malformed JSON: {}", sessionId, e.getMessage());
            return null;
        }
        String problem;
        synchronized (client) {
            problem = client.apply(message.packageName(), value);
        }
        if (problem != null) {
            LOG.warn("Session {}: dropped a GMCP message: {}", sessionId, problem);
            return null;
        }
        return message;
    }

    @Override
    public Map<String, String> client() {
        synchronized (client) {
            return client.hello();
        }
    }

    @Override
    public boolean supports(String packageName) {
        synchronized (client) {
            return client.supports(packageName);
        }
    }

    @Override
    public Map<String, Integer> supported() {
        synchronized (client) {
            return client.supported();
        }
    }
}
