package io.chuk.protocol.session;

import io.chuk.protocol.config.TelnetKeepalive;
import io.chuk.protocol.telnet.TelnetEngine;
import io.chuk.protocol.telnet.TelnetSettings;
import io.chuk.protocol.api.TerminalInfo;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * The telnet layer of one session ({@code telnet} and {@code ws_telnet}): raw bytes from the
 * client go through the {@link TelnetEngine}, which answers negotiation by itself; what remains
 * is the user's input. Application output is escaped on its way out.
 *
 * <p>The engine is not thread-safe and is touched both by the input path (the session's serial
 * executor) and by sends (any thread), so every call holds the engine's monitor. Engine replies
 * are handed to {@code send} while it is held; the session's own lock is always taken after this
 * one, never before.
 */
final class TelnetStream implements TelnetEngine.Listener {

    /** Control characters that carry telnet's editing commands to the line editor. */
    private static final byte CTRL_C = 0x03;
    private static final byte BACKSPACE = 0x08;
    /** RFC 885. */
    private static final int END_OF_RECORD_OPTION = 25;
    private static final byte CTRL_U = 0x15;

    private final TelnetEngine engine;
    private final Consumer<byte[]> send;
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    private boolean resized;

    TelnetStream(TelnetSettings settings, Consumer<byte[]> send) {
        this.engine = new TelnetEngine(settings, this);
        this.send = send;
    }

    /** The opening negotiation, to be written before anything else. */
    byte[] start() {
        synchronized (engine) {
            return engine.start();
        }
    }

    /** Result of decoding one read: the user's input, and whether the window size changed. */
    record Decoded(byte[] input, boolean resized) {
    }

    Decoded receive(byte[] bytes) {
        synchronized (engine) {
            input.reset();
            resized = false;
            engine.receive(bytes, 0, bytes.length);
            return new Decoded(input.toByteArray(), resized);
        }
    }

    byte[] encode(byte[] data) {
        synchronized (engine) {
            return engine.encode(data);
        }
    }

    /** A prompt: escaped, then {@code IAC GA} for telnet clients that did not agree to suppress it. */
    byte[] encodePrompt(byte[] prompt) {
        synchronized (engine) {
            byte[] text = engine.encode(prompt);
            if (!engine.peerSpeaksTelnet()) {
                return text; // raw-socket clients on the telnet port would see GA as garbage
            }
            byte[] goAhead = engine.goAheadIfNeeded();
            byte[] all = new byte[text.length + goAhead.length];
            System.arraycopy(text, 0, all, 0, text.length);
            System.arraycopy(goAhead, 0, all, text.length, goAhead.length);
            return all;
        }
    }

    /** The configured keepalive command, or {@code null} when off or while the peer has not shown it speaks telnet. */
    byte[] keepalive(TelnetKeepalive configured) {
        TelnetEngine.Keepalive kind = switch (configured) {
            case NOP -> TelnetEngine.Keepalive.NOP;
            case TIMING_MARK -> TelnetEngine.Keepalive.TIMING_MARK;
            case OFF -> null;
        };
        synchronized (engine) {
            return kind != null && engine.peerSpeaksTelnet() ? engine.keepalive(kind) : null;
        }
    }

    boolean peerSpeaksTelnet() {
        synchronized (engine) {
            return engine.peerSpeaksTelnet();
        }
    }

    boolean serverEchoes() {
        synchronized (engine) {
            return engine.serverEchoes();
        }
    }

    boolean echoRequested() {
        synchronized (engine) {
            return engine.isRequestedLocally(io.chuk.protocol.telnet.TelnetOption.ECHO);
        }
    }

    boolean isEnabledLocally(int option) {
        synchronized (engine) {
            return engine.isEnabledLocally(option);
        }
    }

    boolean isEnabledRemotely(int option) {
        synchronized (engine) {
            return engine.isEnabledRemotely(option);
        }
    }

    /** WILL or WONT through RFC 1143; what must be sent goes out through the send callback. */
    boolean requestLocal(int option, boolean enable) {
        synchronized (engine) {
            return engine.requestLocal(option, enable);
        }
    }

    /** DO or DONT through RFC 1143; what must be sent goes out through the send callback. */
    boolean requestRemote(int option, boolean enable) {
        synchronized (engine) {
            return engine.requestRemote(option, enable);
        }
    }

    /** {@code IAC GA}, always (the handler asked for it). */
    byte[] goAhead() {
        return new byte[] {(byte) 255, (byte) 249};
    }

    /** {@code IAC EOR} when the client agreed that we send EOR, else {@code null}. */
    byte[] endOfRecord() {
        synchronized (engine) {
            return engine.isEnabledLocally(END_OF_RECORD_OPTION) ? new byte[] {(byte) 255, (byte) 239} : null;
        }
    }

    TerminalInfo terminalInfo() {
        synchronized (engine) {
            return engine.terminalInfo();
        }
    }

    // ---- engine callbacks (called with the engine's monitor held) -------------------------------

    @Override
    public void onData(byte[] data, int off, int len) {
        input.write(data, off, len);
    }

    @Override
    public void onSend(byte[] bytes) {
        send.accept(bytes);
    }

    @Override
    public void onWindowSize(int width, int height) {
        resized = true;
    }

    @Override
    public void onInterrupt() {
        input.write(CTRL_C);
    }

    @Override
    public void onEraseCharacter() {
        input.write(BACKSPACE);
    }

    @Override
    public void onEraseLine() {
        input.write(CTRL_U);
    }
}
