package io.chuk.protocol.recording;

import io.chuk.protocol.api.TerminalInfo;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionTap;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Records one session as it happens: a tap on the session that turns its traffic into asciicast
 * events for the {@link RecordingWriter}. Output is what the client's terminal shows (telnet
 * negotiation is not part of it; on {@code websocket} each text frame is a line ending in CR LF);
 * input is recorded only with {@code record_input}, and never while the handler hides it. Taps
 * are called on whichever thread sends, so the methods are synchronized; none of them blocks.
 */
final class SessionRecording implements SessionTap {

    private static final int MAX_TITLE_PART = 100;

    private final String sessionId;
    private final boolean lineFramed;
    private final boolean recordInput;
    private final BooleanSupplier inputHidden;
    private final RecordingWriter writer;
    private final long startNanos = System.nanoTime();
    private final Utf8Text outputText = new Utf8Text();
    private final Utf8Text inputText = new Utf8Text();
    /** Set once nothing more is to be recorded: the session ended, or a bound was reached. */
    private volatile boolean stopped;

    private SessionRecording(String sessionId, Transport transport, RecordingSettings settings,
                             BooleanSupplier inputHidden, RecordingWriter writer) {
        this.sessionId = sessionId;
        this.lineFramed = transport == Transport.WEBSOCKET;
        this.recordInput = settings.recordInput();
        this.inputHidden = inputHidden;
        this.writer = writer;
    }

    /** Starts recording {@code session} into {@code file}: queues the header; the caller adds this as a tap. */
    static SessionRecording start(ProtocolSession session, RecordingSettings settings, Path file,
                                  RecordingWriter writer) {
        return start(session.id(), session.serverName(), session.transport(), session.startTime(),
                session.terminal().orElse(null), session::inputHidden, settings, file, writer);
    }

    /** The same for a session described piece by piece; {@code terminal} is null where the transport has none. */
    static SessionRecording start(String sessionId, String server, Transport transport, Instant startTime,
                                  TerminalInfo terminal, BooleanSupplier inputHidden, RecordingSettings settings,
                                  Path file, RecordingWriter writer) {
        SessionRecording recording = new SessionRecording(sessionId, transport, settings, inputHidden, writer);
        int width = terminal != null ? terminal.width() : TerminalInfo.DEFAULT_WIDTH;
        int height = terminal != null ? terminal.height() : TerminalInfo.DEFAULT_HEIGHT;
        Map<String, String> env = new LinkedHashMap<>();
        String term = terminal != null ? terminal.terminalType() : null;
        env.put("TERM", term == null || term.isEmpty() ? "unknown" : shorten(term));
        env.put(RecordingStore.ENV_SERVER, shorten(server));
        env.put(RecordingStore.ENV_TRANSPORT, transport.yamlName());
        env.put(RecordingStore.ENV_SESSION, sessionId);
        String title = transport.yamlName() + " session " + sessionId + " on server '" + shorten(server) + "'";
        writer.open(recording, file, Asciicast.header(width, height, startTime.getEpochSecond(), title, env),
                settings.maxBytes());
        return recording;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TITLE_PART ? text : text.substring(0, MAX_TITLE_PART);
    }

    String sessionId() {
        return sessionId;
    }

    @Override
    public synchronized void output(String text) {
        if (!stopped) {
            emit(Asciicast.OUTPUT, outputText.flush() + text + (lineFramed ? "\r\n" : ""));
        }
    }

    @Override
    public synchronized void output(byte[] bytes) {
        if (!stopped && bytes.length > 0) {
            emit(Asciicast.OUTPUT, outputText.decode(bytes) + (lineFramed ? "\r\n" : ""));
        }
    }

    @Override
    public synchronized void input(String text) {
        if (recordsInput()) {
            emit(Asciicast.INPUT, inputText.flush() + text + (lineFramed ? "\r\n" : ""));
        }
    }

    @Override
    public synchronized void input(byte[] bytes) {
        if (recordsInput()) {
            emit(Asciicast.INPUT, inputText.decode(bytes));
        } else {
            inputText.flush(); // what was hidden does not leak into the next visible character
        }
    }

    @Override
    public synchronized void windowSize(int width, int height) {
        if (!stopped) {
            emit(Asciicast.RESIZE, width + "x" + height);
        }
    }

    /** The session ended: what is held back is written, and the file is closed. */
    synchronized void end() {
        if (stopped) {
            return;
        }
        emit(Asciicast.OUTPUT, outputText.flush());
        if (!stopped) {
            stopped = true;
            writer.finish(this, seconds(), null);
        }
    }

    /** The writer stopped this recording (its file reached its bound, or could not be written). */
    void stopped() {
        stopped = true;
    }

    private boolean recordsInput() {
        return recordInput && !stopped && !inputHidden.getAsBoolean();
    }

    private void emit(String code, String data) {
        if (data.isEmpty()) {
            return;
        }
        double seconds = seconds();
        if (!writer.event(this, seconds, code, data)) {
            stopped = true;
            String marker = "recording stopped: the recorder's queue is full";
            RecordingWriter.LOG.warn("Session {}: {}", sessionId, marker);
            writer.finish(this, seconds, marker);
        }
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
