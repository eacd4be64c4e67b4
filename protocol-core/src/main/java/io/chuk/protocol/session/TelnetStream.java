package io.chuk.protocol.session;

import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.compression.CompressedInputException;
import io.chuk.protocol.compression.InputInflater;
import io.chuk.protocol.compression.Mccp;
import io.chuk.protocol.config.TelnetKeepalive;
import io.chuk.protocol.directory.LocalSessionDirectory;
import io.chuk.protocol.telnet.Subnegotiation;
import io.chuk.protocol.telnet.TelnetOption;
import io.chuk.protocol.telnet.mud.GmcpMessage;
import io.chuk.protocol.telnet.mud.MsdpCodec;
import io.chuk.protocol.telnet.TelnetEngine;
import io.chuk.protocol.telnet.TelnetListener;
import io.chuk.protocol.telnet.TelnetSettings;
import io.chuk.protocol.api.TerminalInfo;

import io.chuk.protocol.telnet.ByteSink;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>The MUD protocols the entry offers ({@link MudSettings}) are answered here too: GMCP and MSDP
 * messages become handler callbacks ({@link Decoded#events()}); MSDP commands and a {@code DO MSSP}
 * are answered right after the engine's own replies to the same read.
 *
 * <p>MCCP: when the client agrees to MCCP2 the stream tells its {@link OutputSwitch} to send
 * {@code IAC SB 86 IAC SE} and compress everything after it (the compression itself happens where
 * output is batched, in wire order); when MCCP3 is on and the client sends {@code IAC SB 87 IAC SE},
 * its later bytes are inflated here before the engine reads them.
 */
final class TelnetStream implements TelnetListener {

    /** Where the stream's output starts or stops being compressed (MCCP2). */
    interface OutputSwitch {
        /** Queues {@code lastPlain}, then compresses (or, with {@code compress} false, ends the stream of) all later output. */
        void switchOutput(byte[] lastPlain, boolean compress);
    }

    /** Control characters that carry telnet's editing commands to the line editor. */
    private static final byte CTRL_C = 0x03;
    private static final byte BACKSPACE = 0x08;
    private static final byte CTRL_U = 0x15;
    private static final byte[] NO_INPUT = new byte[0];

    private final TelnetEngine engine;
    private final Consumer<byte[]> send;
    /**
     * The current read's input when it is not one run of data: made at the first such read, and
     * reset only by a read that uses it, so a read of one run does not touch it.
     */
    private ByteSink input;
    /** Whether {@link #input} holds the current read's input. */
    private boolean collecting;
    /**
     * The read being decoded, while all of it is one run of data (the common case): its input is
     * then that array itself, with no copy. Cleared, and copied to {@link #input}, once anything else arrives.
     */
    private byte[] wholeRead;
    /** The array {@link #receive} is decoding, unless it is compressed. */
    private byte[] receiving;
    private boolean resized;
    private final MudSettings mud;
    private final GmcpChannel gmcp;
    private final MsdpChannel msdp;
    /**
     * Handler callbacks for what the current read brought (MUD messages, protocols agreed); made
     * at the first, so that a read with none touches no list.
     */
    private List<HandlerInvoker.Callback> events;
    /**
     * Output that must follow the engine's replies to the current read (MSSP after its WILL, MSDP
     * answers); made at the first, and sent and dropped at the read's end.
     */
    private ByteSink afterReplies;
    private final OutputSwitch outputSwitch;
    /** MCCP3, created when the client first compresses; {@code inflating} while its stream runs. */
    private InputInflater inflater;
    private boolean inflating;
    /** Closed, or its compressed input failed: nothing more is read. */
    private boolean closed;

    /**
     * With {@code mud}'s options and MCCP offered; {@code settings} must offer them
     * ({@link MudSettings#offeredOptions()}, {@link TelnetOffers#of}).
     */
    TelnetStream(TelnetSettings settings, MudSettings mud, String sessionId, Consumer<byte[]> send,
                 OutputSwitch outputSwitch) {
        this.engine = new TelnetEngine(settings, this);
        this.send = send;
        this.outputSwitch = outputSwitch;
        this.mud = mud;
        this.gmcp = mud.gmcp() ? new GmcpChannel(sessionId, this, send) : null;
        this.msdp = mud.msdp() ? new MsdpChannel(sessionId, this, send) : null;
    }

    /** GMCP of this session, or null when the entry does not offer it. */
    GmcpChannel gmcp() {
        return gmcp;
    }

    /** MSDP of this session, or null when the entry does not offer it. */
    MsdpChannel msdp() {
        return msdp;
    }

    /** The opening negotiation, to be written before anything else. */
    byte[] start() {
        synchronized (engine) {
            return engine.start();
        }
    }

    /**
     * Result of decoding one read: the user's input, whether the window size changed, and the
     * handler callbacks for MUD protocol messages and agreements, in the order they came.
     */
    record Decoded(byte[] input, boolean resized, List<HandlerInvoker.Callback> events) {
    }

    /** Decodes one read; compressed input (MCCP3) that is corrupt or expands too far fails it, and all later ones. */
    Decoded receive(byte[] bytes) throws CompressedInputException {
        synchronized (engine) {
            collecting = false;
            resized = false;
            events = null;
            int off = 0;
            receiving = inflating ? null : bytes;
            while (off < bytes.length && !closed) {
                off += inflating ? inflate(bytes, off) : engine.receive(bytes, off, bytes.length - off);
            }
            if (afterReplies != null) {
                if (!afterReplies.isEmpty()) {
                    send.accept(afterReplies.toByteArray());
                }
                afterReplies = null;
            }
            byte[] decoded = wholeRead != null ? wholeRead : collecting ? input.toByteArray() : NO_INPUT;
            wholeRead = null;
            receiving = null;
            return new Decoded(decoded, resized, events == null ? List.of() : List.copyOf(events));
        }
    }

    /** Inflates from {@code off} and parses the result; returns how many bytes were compressed. */
    private int inflate(byte[] bytes, int off) throws CompressedInputException {
        InputInflater.Result result;
        try {
            result = inflater.inflate(bytes, off, bytes.length - off);
        } catch (CompressedInputException e) {
            closed = true;
            throw e;
        }
        engine.receive(result.inflated(), 0, result.inflated().length);
        inflating = !result.ended(); // after the stream's end the client's bytes are plain again
        return result.consumed();
    }

    /** The session ended: frees the inflater's native memory. */
    void close() {
        synchronized (engine) {
            closed = true;
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /** Escapes output; {@code data} must be the caller's own array, which may come back as it is. */
    byte[] encode(byte[] data) {
        synchronized (engine) {
            return engine.encodeOwned(data);
        }
    }

    /**
     * A prompt: escaped, then {@code IAC EOR} for clients that agreed to EOR (MUD clients), else
     * {@code IAC GA} for telnet clients that did not agree to suppress it.
     */
    byte[] encodePrompt(byte[] prompt) {
        synchronized (engine) {
            byte[] text = engine.encodeOwned(prompt);
            if (!engine.peerSpeaksTelnet()) {
                return text; // raw-socket clients on the telnet port would see GA as garbage
            }
            byte[] endOfRecord = endOfRecord();
            byte[] goAhead = endOfRecord != null ? endOfRecord : engine.goAheadIfNeeded();
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
            return engine.isEnabledLocally(TelnetOption.EOR) ? new byte[] {(byte) 255, (byte) 239} : null;
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
        if (data == receiving && off == 0 && len == data.length && !collecting) {
            wholeRead = data;
            return;
        }
        keepWholeRead();
        collected().write(data, off, len);
    }

    /** Something besides the read's one run of data arrived: from now on input is collected in {@link #input}. */
    private void keepWholeRead() {
        if (wholeRead != null) {
            collected().write(wholeRead, 0, wholeRead.length);
            wholeRead = null;
        }
    }

    /** {@link #input}, emptied at the current read's first use of it. */
    private ByteSink collected() {
        if (!collecting) {
            if (input == null) {
                input = new ByteSink(32);
            } else {
                input.reset();
            }
            collecting = true;
        }
        return input;
    }

    private void event(HandlerInvoker.Callback event) {
        if (events == null) {
            events = new ArrayList<>(2);
        }
        events.add(event);
    }

    private ByteSink afterReplies() {
        if (afterReplies == null) {
            afterReplies = new ByteSink(32);
        }
        return afterReplies;
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
    public void onSubnegotiation(int option, byte[] body, int off, int len) {
        if (option == TelnetOption.GMCP && gmcp != null && gmcp.enabled()) {
            GmcpMessage message = gmcp.received(body, off, len);
            if (message != null) {
                event(h -> h.onGmcp(message.packageName(), message.json()));
            }
        } else if (option == TelnetOption.MSDP && msdp != null) {
            for (MsdpCodec.Variable variable : msdp.received(body, off, len, afterReplies()::writeBytes)) {
                event(h -> h.onMsdp(variable.name(), variable.value()));
            }
        }
    }

    @Override
    public void onOptionChanged(int option, boolean local, boolean enabled) {
        if (!local) {
            return;
        }
        if (option == Mccp.MCCP2) {
            outputSwitch.switchOutput(enabled ? Mccp.startSequence(Mccp.MCCP2) : new byte[0], enabled);
            return;
        }
        MudProtocol protocol = switch (option) {
            case TelnetOption.GMCP -> mud.gmcp() ? MudProtocol.GMCP : null;
            case TelnetOption.MSDP -> mud.msdp() ? MudProtocol.MSDP : null;
            case TelnetOption.MSSP -> mud.mssp() ? MudProtocol.MSSP : null;
            default -> null;
        };
        if (protocol == null) {
            return;
        }
        if (protocol == MudProtocol.MSSP && enabled) {
            LocalSessionDirectory directory = LocalSessionDirectory.instance();
            afterReplies().writeBytes(Subnegotiation.frame(TelnetOption.MSSP, mud.msspBody(directory.count(),
                    directory.serverInfo().startTime().getEpochSecond())));
        }
        event(h -> h.onMudProtocol(protocol, enabled));
    }

    @Override
    public boolean onEmptySubnegotiation(int option) {
        if (option != Mccp.MCCP3 || inflating) {
            return false; // a second start inside the compressed stream means nothing
        }
        if (inflater == null) {
            inflater = new InputInflater(System::nanoTime);
        }
        inflating = true;
        return true;
    }

    @Override
    public void onInterrupt() {
        keepWholeRead();
        collected().write(CTRL_C);
    }

    @Override
    public void onEraseCharacter() {
        keepWholeRead();
        collected().write(BACKSPACE);
    }

    @Override
    public void onEraseLine() {
        keepWholeRead();
        collected().write(CTRL_U);
    }
}
