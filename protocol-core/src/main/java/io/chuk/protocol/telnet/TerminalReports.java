package io.chuk.protocol.telnet;

import io.chuk.protocol.api.TerminalInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.chuk.protocol.telnet.OptionSide.YES;
import static io.chuk.protocol.telnet.TelnetCommand.INFO;
import static io.chuk.protocol.telnet.TelnetCommand.IS;
import static io.chuk.protocol.telnet.TelnetCommand.SEND;
import static io.chuk.protocol.telnet.TelnetOption.CHARSET;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.NEW_ENVIRON;
import static io.chuk.protocol.telnet.TelnetOption.TTYPE;

/**
 * What the client tells about its terminal, and the queries that ask for it: the terminal types
 * (TTYPE, cycled as MTTS does), the window size (NAWS), the environment (NEW-ENVIRON) and the
 * character set (CHARSET). NEW-ENVIRON and CHARSET wait until the client has answered TTYPE,
 * because an eager NEW-ENVIRON crashes Windows telnet. The engine hands it the bodies of these
 * sub-negotiations and tells it when an option turns on; it queues its queries in the engine's output.
 */
final class TerminalReports {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.telnet");

    private final TelnetEngine engine;
    private final TelnetSettings settings;
    private final TelnetListener listener;
    private final OptionSide us;
    private final OptionSide him;
    private final TerminalTypeCycle terminalTypes;
    private final WindowSize windowSize = new WindowSize();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final CharsetNegotiation charsets = new CharsetNegotiation();
    private boolean furtherNegotiationStarted;
    private boolean environmentRequested;

    TerminalReports(TelnetEngine engine, TelnetSettings settings, TelnetListener listener, OptionSide us,
                    OptionSide him) {
        this.engine = engine;
        this.settings = settings;
        this.listener = listener;
        this.us = us;
        this.him = him;
        this.terminalTypes = new TerminalTypeCycle(settings.maxTerminalTypes());
    }

    /** An option just turned on: asks for what it reports, where that is due now. */
    void optionEnabled(boolean local, int option) {
        if (!local && option == TTYPE && terminalTypes.notStarted()) {
            sendTerminalTypeQuery();
        } else if (!local && option == NEW_ENVIRON && furtherNegotiationStarted) {
            sendEnvironmentQuery();
        } else if (local && option == CHARSET && furtherNegotiationStarted) {
            sendCharsetRequest();
        }
    }

    /** NEW-ENVIRON and CHARSET, once the client has answered TTYPE (or refused it). */
    void startFurtherNegotiation() {
        if (furtherNegotiationStarted) {
            return;
        }
        furtherNegotiationStarted = true;
        if (settings.requestEnvironment()) {
            if (him.state(NEW_ENVIRON) == YES) {
                sendEnvironmentQuery();
            } else if (him.accept.get(NEW_ENVIRON)) {
                him.request(NEW_ENVIRON, true);
            }
        } else if (him.state(NEW_ENVIRON) == YES) {
            sendEnvironmentQuery(); // the client offered it itself
        }
        if (settings.requestCharset()) {
            if (us.state(CHARSET) == YES) {
                sendCharsetRequest();
            } else if (us.accept.get(CHARSET)) {
                us.request(CHARSET, true);
            }
        }
    }

    /**
     * A non-empty sub-negotiation body of {@code option}; returns false if the option is not one
     * of the terminal's reports (the engine then passes it on).
     */
    boolean receive(int option, byte[] body, int length) {
        switch (option) {
            case TTYPE -> terminalType(body, length);
            case NAWS -> {
                if (windowSize.receive(body, length)) {
                    listener.onWindowSize(windowSize.width(), windowSize.height());
                }
            }
            case NEW_ENVIRON -> environment(body, length);
            case CHARSET -> charset(body, length);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code TTYPE IS name}; cycles through the client's list (MTTS) until it repeats. */
    private void terminalType(byte[] body, int length) {
        if ((body[0] & 0xFF) != IS) {
            return; // SEND from the client: wrong direction
        }
        String name = new String(body, 1, length - 1, StandardCharsets.ISO_8859_1);
        boolean more = terminalTypes.received(name, listener::onTerminalType);
        if (more && him.state(TTYPE) == YES) {
            if (terminalTypes.mayQueryAgain()) {
                sendTerminalTypeQuery();
            } else {
                LOG.debug("Stopped terminal-type cycling after {} queries", terminalTypes.queries());
            }
        }
        startFurtherNegotiation();
    }

    /** {@code NEW-ENVIRON IS|INFO list}: IS replaces what we know, INFO updates it. */
    private void environment(byte[] body, int length) {
        int kind = body[0] & 0xFF;
        if (kind != IS && kind != INFO) {
            return; // SEND from the client: we never offered our environment
        }
        EnvironmentParser.merge(environment, EnvironmentParser.parse(body, 1, length), kind == IS);
        listener.onEnvironment(Collections.unmodifiableMap(new LinkedHashMap<>(environment)));
    }

    /** RFC 2066, answered by {@link CharsetNegotiation}; the listener hears a newly agreed set. */
    private void charset(byte[] body, int length) {
        boolean negotiated = us.state(CHARSET) == YES || him.state(CHARSET) == YES;
        String before = charsets.agreed();
        byte[] reply = charsets.receive(body, length, negotiated);
        if (reply != null) {
            engine.subnegotiation(CHARSET, reply);
        }
        String after = charsets.agreed();
        if (after != null && !after.equals(before)) {
            listener.onCharset(after);
        }
    }

    private void sendTerminalTypeQuery() {
        terminalTypes.querySent();
        engine.subnegotiation(TTYPE, new byte[] {(byte) SEND});
    }

    private void sendEnvironmentQuery() {
        if (!environmentRequested) {
            environmentRequested = true;
            // SEND with an empty list: "all you care to tell". A long explicit list is what
            // crashed Windows telnet (telnetlib3 #24).
            engine.subnegotiation(NEW_ENVIRON, new byte[] {(byte) SEND});
        }
    }

    private void sendCharsetRequest() {
        byte[] request = settings.requestCharset() ? charsets.request() : null;
        if (request != null) {
            engine.subnegotiation(CHARSET, request);
        }
    }

    String terminalType() {
        return terminalTypes.primary();
    }

    int width() {
        return windowSize.width();
    }

    int height() {
        return windowSize.height();
    }

    String charset() {
        return charsets.agreed();
    }

    TerminalInfo terminalInfo() {
        return new TerminalInfo(terminalTypes.primary(), terminalTypes.names(), windowSize.width(), windowSize.height(),
                environment, charsets.agreed());
    }

    int terminalTypeQueries() {
        return terminalTypes.queries();
    }
}
