package io.chuk.protocol.session;

import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.compression.CompressedInputException;
import io.chuk.protocol.handlers.BaseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * Hands one queued input item to the handler, after the session took it off its queue: bytes
 * (through the telnet layer on telnet transports, which may add protocol events and a new window
 * size), text messages, framework tasks, and the end of input. The monitor's taps see the input
 * as the handler does. Runs only in the session's serial executor, outside the session's lock.
 *
 * <p>It extends {@link HandlerInvoker}, through which each item reaches the handler, so the two
 * are one object per session and one touched per message; the session subclasses it to say how
 * it closes and what follows a callback, as Jetty's endpoints subclass {@code WriteFlusher}.
 */
abstract class InputDelivery extends HandlerInvoker {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    private final InetSocketAddress remoteAddress;
    /** The telnet layer, or {@code null} on transports without telnet. */
    private final TelnetStream telnet;
    private final SessionTaps taps;

    InputDelivery(String sessionId, SessionStatistics statistics, InetSocketAddress remoteAddress, TelnetStream telnet,
                  SessionTaps taps) {
        super(sessionId, statistics);
        this.remoteAddress = remoteAddress;
        this.telnet = telnet;
        this.taps = taps;
    }

    /** Tells the client {@code message}, then closes the session. */
    abstract void close(String message);

    /** Closes the session once its output is written: the client's input has ended. */
    abstract void close();

    void deliver(Object item) {
        if (!usable()) {
            return;
        }
        if (item instanceof byte[] bytes) {
            deliverBytes(bytes);
        } else if (item instanceof String text) {
            taps.input(text);
            invoke(h -> h.receiveMessage(text));
        } else if (item instanceof SessionTask task) {
            task.run(this);
        } else {
            invoke(BaseHandler::onEndOfInput);
            close();
        }
    }

    private void deliverBytes(byte[] bytes) {
        if (telnet == null) {
            taps.input(bytes);
            invoke(h -> h.receive(bytes));
            return;
        }
        TelnetStream.Decoded decoded;
        try {
            decoded = telnet.receive(bytes);
        } catch (CompressedInputException e) {
            LOG.warn("Session {}: client {} sent {}; closing", sessionId, remoteAddress, e.getMessage());
            close(e.clientMessage());
            return;
        }
        if (decoded.input().length > 0) {
            taps.input(decoded.input());
            invoke(h -> h.receive(decoded.input()));
        }
        for (HandlerInvoker.Callback event : decoded.events()) {
            invoke(event);
        }
        if (decoded.resized()) {
            TerminalInfo terminal = telnet.terminalInfo();
            taps.windowSize(terminal.width(), terminal.height());
            invoke(h -> h.onWindowSize(terminal.width(), terminal.height()));
        }
    }
}
