package io.chuk.protocol.telnet;

import io.chuk.protocol.api.TerminalInfo;
import static io.chuk.protocol.telnet.OptionSide.WANTYES;
import static io.chuk.protocol.telnet.OptionSide.YES;
import static io.chuk.protocol.telnet.TelnetCommand.AO;
import static io.chuk.protocol.telnet.TelnetCommand.AYT;
import static io.chuk.protocol.telnet.TelnetCommand.BRK;
import static io.chuk.protocol.telnet.TelnetCommand.DM;
import static io.chuk.protocol.telnet.TelnetCommand.DO;
import static io.chuk.protocol.telnet.TelnetCommand.EC;
import static io.chuk.protocol.telnet.TelnetCommand.EL;
import static io.chuk.protocol.telnet.TelnetCommand.GA;
import static io.chuk.protocol.telnet.TelnetCommand.IAC;
import static io.chuk.protocol.telnet.TelnetCommand.IP;
import static io.chuk.protocol.telnet.TelnetCommand.NOP;
import static io.chuk.protocol.telnet.TelnetCommand.SE;
import static io.chuk.protocol.telnet.TelnetCommand.WONT;
import static io.chuk.protocol.telnet.TelnetOption.BINARY;
import static io.chuk.protocol.telnet.TelnetOption.ECHO;
import static io.chuk.protocol.telnet.TelnetOption.LINEMODE;
import static io.chuk.protocol.telnet.TelnetOption.NAWS;
import static io.chuk.protocol.telnet.TelnetOption.SGA;
import static io.chuk.protocol.telnet.TelnetOption.TIMING_MARK;
import static io.chuk.protocol.telnet.TelnetOption.TTYPE;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telnet protocol of one connection, as a pure byte-in/byte-out state machine.
 *
 * <p><b>Why no socket, thread or clock.</b> The same protocol runs behind a raw TCP connector and
 * behind a WebSocket bridge, and every historic telnet bug this project fixes (sequences split
 * across reads, negotiation loops, unbounded sub-negotiation buffers)
 * is a property of the byte stream alone. Keeping the engine free of I/O makes each of them
 * testable by feeding bytes, at every split point, deterministically. Timeouts and keepalive
 * scheduling belong to the transport, which calls {@link #keepalive(Keepalive)} when it wants.
 *
 * <p><b>Threading.</b> One instance per connection, not thread-safe and not re-entrant: the
 * transport serialises calls. Listener callbacks run on the calling thread, inside
 * {@link #receive(byte[], int, int)} or a {@code request*} method; a callback may call
 * {@link #encode(byte[])}, the query methods and the {@code request*} methods, but not
 * {@code receive} again.
 *
 * <p><b>Negotiation</b> ({@link OptionNegotiation}, {@link OptionSide}) follows RFC 1143 (the "Q method"): a command that does not change an
 * option's state is never answered, so a peer that blindly answers us cannot make us loop (as
 * fuzzball and telnetlib3 have looped). A peer that keeps re-asking on its own (asks again after
 * each refusal, or revokes each agreement) makes a real state change every time; for that case each option has a
 * budget of {@value OptionSide#REPLY_BUDGET} replies per direction, after which it is ignored.
 * We offer ECHO and SGA and ask for SGA, TTYPE and NAWS at {@link #start()}; NEW-ENVIRON and
 * CHARSET are only brought up once the client has answered TTYPE (either refusing it or
 * reporting its first name), because eager NEW-ENVIRON crashed Windows telnet.
 * Options received in the wrong direction (DO TTYPE, DO NAWS, WILL ECHO, ...) and LINEMODE are
 * refused. TIMING-MARK is answered without ever being kept on (RFC 860).
 *
 * <p><b>Input decisions</b>, all independent of how the stream is split into reads:
 * <ul>
 *   <li>{@code IAC IAC} is one data byte 0xFF, in data and inside sub-negotiations.</li>
 *   <li>A NUL directly after a data CR is dropped (RFC 854 {@code CR NUL} means a bare CR),
 *       unless the client sends BINARY. CR LF is passed through unchanged; assembling lines is
 *       the caller's job. Every other byte, including NUL elsewhere and bytes &gt;= 0x80, is data.</li>
 *   <li>{@code IAC} followed by a byte below 240 (not a command) is a peer that forgot to double
 *       0xFF: the IAC is dropped and the byte is treated as data.</li>
 *   <li>Inside a sub-negotiation, {@code IAC} followed by a command byte other than SE aborts
 *       the sub-negotiation (its body is discarded) and the command is obeyed, so a peer that
 *       omits {@code IAC SE} does not swallow the rest of the session (as BSD telnetd does).
 *       {@code IAC} followed by a non-command byte is kept as a literal 0xFF and that byte:
 *       clients that forget to double 0xFF in NAWS still get their window size.</li>
 *   <li>The byte after {@code IAC SB} is the option, unless it is IAC: then, as in BSD telnetd,
 *       it escapes (option 255 is {@code IAC SB IAC IAC}) and {@code IAC SB IAC SE} is empty.</li>
 *   <li>A sub-negotiation body longer than {@link TelnetSettings#maxSubnegotiationLength()} is
 *       discarded whole; the bytes up to its end are read but not stored.</li>
 *   <li>A complete sub-negotiation of an option the engine does not interpret (GMCP, MSDP, ...)
 *       goes to {@link TelnetListener#onSubnegotiation}; the engine itself never answers it.</li>
 *   <li>Unknown options are refused, SE outside a sub-negotiation, NOP, DM and GA are ignored,
 *       AYT is answered with visible text. A run of AYTs with no data in between, or of
 *       DO TIMING-MARKs with nothing in between, is answered once, so neither can be used to
 *       amplify traffic or to loop.</li>
 * </ul>
 *
 * <p><b>Output</b>: bytes the engine wants sent (replies, sub-negotiation requests) go to
 * {@link TelnetListener#onSend(byte[])}, batched: one call at the end of each {@code receive} and each
 * {@code request*} (a request made from inside a callback joins the batch of the running
 * {@code receive}). Every batch consists of complete commands. Application output must go
 * through {@link #encode(byte[])} so that 0xFF and bare CR are escaped.
 */
public final class TelnetEngine {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.telnet");

    /** Columns assumed until the client reports its window size. */
    public static final int DEFAULT_WIDTH = 80;
    /** Rows assumed until the client reports its window size. */
    public static final int DEFAULT_HEIGHT = 24;

    /** What we answer to {@code IAC AYT}: visible text, since the user typed it to see a sign of life. */
    static final byte[] AYT_REPLY = "\r\n[Yes]\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] EMPTY = new byte[0];

    /**
     * What {@link #keepalive(Keepalive)} sends. Configurable because {@code IAC NOP} shows up as
     * garbage in some broken clients (Evennia #977) while others ignore it but not TIMING-MARK.
     */
    public enum Keepalive {
        /** {@code IAC NOP}: no reply expected. */
        NOP,
        /** {@code IAC DO TIMING-MARK}: the client answers, which also proves it is alive. */
        TIMING_MARK
    }

    private final TelnetSettings settings;
    private final TelnetListener listener;
    /** Our side of every option (we WILL) and the peer's (it WILL, we DO), per RFC 1143. */
    private final OptionSide us;
    private final OptionSide him;
    /** What the peer's negotiation means, and our requests. */
    private final OptionNegotiation negotiation;

    // parser
    private final SubnegotiationBuffer sub;
    private final TelnetParser parser;

    // output
    /**
     * Replies and requests not yet handed to the listener: made at the first, dropped once handed
     * over, so a read that needs no reply touches none (negotiation is rare once a session runs).
     */
    private ByteSink pending;
    private boolean inReceive;
    private boolean started;

    /** A run of AYTs with no data in between gets one answer. */
    private boolean aytAnswered;
    private boolean negotiationSeen;
    /** Terminal type, window size, environment and character set, and the queries for them. */
    private final TerminalReports reports;

    public TelnetEngine(TelnetSettings settings, TelnetListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sub = new SubnegotiationBuffer(settings.maxSubnegotiationLength());
        this.parser = new TelnetParser(sub, new ParserSink());
        OptionSide.Commands commands = this::command;
        this.us = new OptionSide(true, commands);
        this.him = new OptionSide(false, commands);
        this.reports = new TerminalReports(this, settings, listener, us, him);
        this.negotiation = new OptionNegotiation(settings, us, him, reports, listener, commands);
    }

    /** An engine with {@link TelnetSettings#defaults()}. */
    public TelnetEngine(TelnetListener listener) {
        this(TelnetSettings.defaults(), listener);
    }

    // ================================================================= public API: output side

    /**
     * The opening negotiation, to be written at connect before anything else:
     * {@code WILL ECHO, WILL SGA, DO SGA, DO TTYPE, DO NAWS, WONT LINEMODE}. The requests are
     * recorded as pending (RFC 1143 WANTYES) so the client's answers are not answered again.
     * {@code WONT LINEMODE} is an announcement that changes no state. Returns an empty array on
     * later calls, and leaves out requests the client has already settled.
     */
    public byte[] start() {
        if (started) {
            return EMPTY;
        }
        started = true;
        us.request(ECHO, true);
        us.request(SGA, true);
        him.request(SGA, true);
        him.request(TTYPE, true);
        him.request(NAWS, true);
        command(WONT, LINEMODE);
        for (int option : new java.util.TreeSet<>(settings.offeredOptions())) {
            us.request(option, true); // after the opening six, so clients that ignore them still get those first
        }
        byte[] out = pending == null ? EMPTY : pending.toByteArray();
        pending = null;
        return out;
    }

    /**
     * Asks to enable or disable an option on our side ({@code WILL}/{@code WONT}), e.g.
     * {@code requestLocal(ECHO, false)} to let the client echo (line mode). Also sets whether
     * we agree when the client later asks for the option. Returns whether anything was sent or
     * queued; a request that would not change the state sends nothing. TIMING-MARK is refused
     * here (use {@link #keepalive(Keepalive)}).
     */
    public boolean requestLocal(int option, boolean enable) {
        return requestAndFlush(us, option, enable);
    }

    /**
     * Asks the client to enable or disable an option on its side ({@code DO}/{@code DONT}).
     * Same rules as {@link #requestLocal(int, boolean)}.
     */
    public boolean requestRemote(int option, boolean enable) {
        return requestAndFlush(him, option, enable);
    }

    /**
     * Escapes application output: every 0xFF is doubled and, unless we send BINARY, a CR not
     * followed by LF in the same array becomes {@code CR NUL} (RFC 854). So a CR that ends one
     * array and whose LF starts the next is sent as {@code CR NUL LF}, which terminals show the
     * same way; write whole lines to avoid it.
     */
    public byte[] encode(byte[] data) {
        return encode(data, 0, data.length);
    }

    /**
     * {@link #encode(byte[])} for an array the caller owns and will not change: returns
     * {@code data} itself when nothing in it needs escaping (the common case: no copy).
     */
    public byte[] encodeOwned(byte[] data) {
        // BINARY only ever escapes less: output that needs nothing escaped outside it needs nothing
        // in it either, and the common case then reads no option state.
        if (!TelnetEscaping.needed(data, false)) {
            return data;
        }
        return TelnetEscaping.needed(data, isEnabledLocally(BINARY)) ? encode(data) : data;
    }

    /** {@link #encode(byte[])} of a slice. */
    public byte[] encode(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        encode(data, off, len, out);
        return out.toByteArray();
    }

    /** {@link #encode(byte[])} of a slice, appended to {@code out}. */
    public void encode(byte[] data, int off, int len, ByteArrayOutputStream out) {
        Objects.checkFromIndexSize(off, len, data.length);
        TelnetEscaping.escape(data, off, len, isEnabledLocally(BINARY), out);
    }

    /**
     * {@code IAC GA} if SGA is not enabled on our side, else nothing. Call after a prompt: MUD
     * clients such as Mudlet wait for GA before showing a prompt when SGA was not agreed.
     */
    public byte[] goAheadIfNeeded() {
        return isEnabledLocally(SGA) ? EMPTY : new byte[] {(byte) IAC, (byte) GA};
    }

    /**
     * A keepalive command to write on an idle connection. Neither form changes option state;
     * the client's answer to DO TIMING-MARK is absorbed silently.
     */
    public byte[] keepalive(Keepalive kind) {
        Objects.requireNonNull(kind, "kind");
        return kind == Keepalive.NOP
                ? new byte[] {(byte) IAC, (byte) NOP}
                : new byte[] {(byte) IAC, (byte) DO, (byte) TIMING_MARK};
    }

    // ================================================================= public API: state

    /** Whether we perform {@code option} (we said WILL and the client agreed, or vice versa). */
    public boolean isEnabledLocally(int option) {
        return OptionNegotiation.validOption(option) && us.state(option) == YES;
    }

    /** Whether we perform {@code option} or have asked to and wait for the answer. */
    public boolean isRequestedLocally(int option) {
        return OptionNegotiation.validOption(option) && (us.state(option) == YES || us.state(option) == WANTYES);
    }

    /** Whether the client performs {@code option}. */
    public boolean isEnabledRemotely(int option) {
        return OptionNegotiation.validOption(option) && him.state(option) == YES;
    }

    /** Whether the server echoes input (ECHO enabled on our side); if not, the client echoes locally. */
    public boolean serverEchoes() {
        return isEnabledLocally(ECHO);
    }

    /** Whether the peer has sent any telnet command yet (a raw-socket client never does). */
    public boolean peerSpeaksTelnet() {
        return negotiationSeen;
    }

    /** Whether the client offered or asked for LINEMODE (we refused; it prefers line-at-a-time input). */
    public boolean lineModeRequested() {
        return negotiation.lineModeRequested();
    }

    /** The client's first (preferred) terminal type, or {@code null} until known. */
    public String terminalType() {
        return reports.terminalType();
    }

    /** Columns (NAWS), {@link #DEFAULT_WIDTH} until reported. */
    public int width() {
        return reports.width();
    }

    /** Rows (NAWS), {@link #DEFAULT_HEIGHT} until reported. */
    public int height() {
        return reports.height();
    }

    /** The agreed character set, or {@code null}. */
    public String charset() {
        return reports.charset();
    }

    /** A snapshot of everything the client reported. */
    public TerminalInfo terminalInfo() {
        return reports.terminalInfo();
    }

    // ================================================================= public API: input side

    /** {@link #receive(byte[], int, int)} of a whole array. */
    public int receive(byte[] buf) {
        return receive(buf, 0, buf.length);
    }

    /**
     * Parses bytes from the peer, continuing where the previous call stopped, and reports what
     * they mean to the listener (data, events, then one {@code onSend} with all replies). Never
     * throws for any input; only listener exceptions propagate.
     *
     * @return how many bytes were read: {@code len}, unless the listener took over the rest
     *         ({@link TelnetListener#onEmptySubnegotiation})
     */
    public int receive(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (inReceive) {
            throw new IllegalStateException("TelnetEngine.receive is not re-entrant");
        }
        inReceive = true;
        int end;
        try {
            end = parser.parse(buf, off, off + len);
        } finally {
            inReceive = false;
        }
        flush();
        return end - off;
    }

    // ================================================================= parser

    /** What {@link TelnetParser} finds, given its meaning. */
    private final class ParserSink implements TelnetParser.Sink {
        @Override
        public void data(byte[] buf, int off, int len) {
            aytAnswered = false;
            negotiation.otherInput();
            listener.onData(buf, off, len);
        }

        @Override
        public void command(int command) {
            onCommand(command);
        }

        @Override
        public void negotiation(int verb, int option) {
            negotiation.received(verb, option);
        }

        @Override
        public boolean subnegotiationEnded() {
            return endSubnegotiation();
        }

        @Override
        public boolean binaryInput() {
            return isEnabledRemotely(BINARY);
        }
    }

    /** A command byte (240..254) after IAC. */
    private void onCommand(int b) {
        seen();
        if (b != DO) {
            negotiation.otherInput(); // DO decides for itself once its option byte is known
        }
        switch (b) {
            case SE: // outside a sub-negotiation: meaningless, ignore
            case NOP:
            case DM: // we don't implement Synch; DM in the normal stream is a no-op
            case GA:
                break;
            case BRK:
                listener.onBreak();
                break;
            case IP:
                listener.onInterrupt();
                break;
            case AO:
                listener.onAbortOutput();
                break;
            case AYT:
                if (!aytAnswered) {
                    aytAnswered = true;
                    pending().write(AYT_REPLY, 0, AYT_REPLY.length);
                }
                break;
            case EC:
                listener.onEraseCharacter();
                break;
            case EL:
                listener.onEraseLine();
                break;
            default:
                break; // SB, WILL, WONT, DO and DONT: the parser reads their rest
        }
    }

    private void seen() {
        if (!negotiationSeen) {
            negotiationSeen = true;
            listener.onNegotiationSeen();
        }
    }

    // ================================================================= negotiation

    private boolean requestAndFlush(OptionSide side, int option, boolean enable) {
        boolean result = negotiation.request(side, option, enable);
        if (!inReceive) {
            flush();
        }
        return result;
    }

    // ================================================================= sub-negotiation

    /** Returns whether the listener took over the rest of the input ({@link TelnetListener#onEmptySubnegotiation}). */
    private boolean endSubnegotiation() {
        int option = sub.option();
        int length = sub.length();
        boolean overflow = sub.overflowed();
        sub.begin(); // the body stays readable until the next sub-negotiation appends
        if (option < 0) {
            return false; // IAC SB IAC SE
        }
        if (overflow) {
            LOG.debug("Discarded an over-long {} sub-negotiation", TelnetOption.name(option));
            return false;
        }
        if (length == 0) {
            return us.state(option) == YES && listener.onEmptySubnegotiation(option);
        }
        if (!reports.receive(option, sub.body(), length)) {
            listener.onSubnegotiation(option, sub.body(), 0, length); // the listener's protocol, or ignored
        }
        return false;
    }

    // ================================================================= output helpers

    private void command(int verb, int option) {
        ByteSink out = pending();
        out.write(IAC);
        out.write(verb);
        out.write(option);
    }

    /** Queues {@code IAC SB option body IAC SE} (also for {@link TerminalReports}' queries and answers). */
    void subnegotiation(int option, byte[] body) {
        pending().writeBytes(Subnegotiation.frame(option, body));
    }

    private ByteSink pending() {
        if (pending == null) {
            pending = new ByteSink(64);
        }
        return pending;
    }

    private void flush() {
        ByteSink replies = pending;
        if (replies == null) {
            return;
        }
        pending = null;
        listener.onSend(replies.toByteArray());
    }

    // ================================================================= test hooks (package-private)

    /** The most the sub-negotiation buffer will ever hold. */
    int subnegotiationCapacity() {
        return sub.capacity();
    }

    /** What the sub-negotiation buffer holds room for now: never past its capacity. */
    int subnegotiationAllocated() {
        return sub.allocated();
    }

    /** RFC 1143 state (NO, YES, WANTNO, WANTYES) of one side of an option. */
    int optionState(boolean local, int option) {
        return (local ? us : him).state(option);
    }

    /** The RFC 1143 queue bit (true = OPPOSITE). */
    boolean optionQueued(boolean local, int option) {
        return (local ? us : him).opposite.get(option);
    }

    /** Puts one side of an option into a state, for table-driven tests. */
    void forceOptionState(boolean local, int option, int newState, boolean opposite) {
        OptionSide side = local ? us : him;
        side.state(option, newState);
        side.opposite.set(option, opposite);
    }

    /** Whether we would agree to enable this option when asked. */
    boolean accepts(boolean local, int option) {
        return (local ? us : him).accept.get(option);
    }

    /** How many {@code TTYPE SEND} queries have been sent. */
    int terminalTypeQueries() {
        return reports.terminalTypeQueries();
    }
}
