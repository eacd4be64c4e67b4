package io.chuk.protocol.recording;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.config.ProtocolConfig;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionListener;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the sessions of every entry with {@code record_sessions}: hears each session start
 * (before its handler runs) and end, and hands their traffic to one background
 * {@link RecordingWriter}. {@link #close} finishes every recording still open and waits for the
 * files to be written, so a server that stops loses nothing.
 */
public final class SessionRecorder implements SessionListener, AutoCloseable {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, RecordingSettings> settingsByServer;
    private final Map<String, SessionRecording> recordings = new ConcurrentHashMap<>();
    private final RecordingWriter writer = new RecordingWriter();
    private final RecordingStore store;
    private volatile boolean closed;

    private SessionRecorder(Map<String, RecordingSettings> settingsByServer) {
        this.settingsByServer = settingsByServer;
        List<Path> directories = settingsByServer.values().stream().map(RecordingSettings::directory)
                .distinct().toList();
        this.store = new RecordingStore(directories, writer::isActive);
    }

    /** A recorder for the entries of {@code config} that record, or empty when none does. */
    public static Optional<SessionRecorder> forConfig(ProtocolConfig config) {
        Map<String, RecordingSettings> settings = new ConcurrentHashMap<>();
        for (ServerConfig entry : config.servers()) {
            RecordingSettings.of(entry).ifPresent(s -> settings.put(entry.name(), s));
        }
        return settings.isEmpty() ? Optional.empty() : Optional.of(new SessionRecorder(Map.copyOf(settings)));
    }

    /** The recordings of every recording entry's directory, for listing and replay. */
    public RecordingStore store() {
        return store;
    }

    /** The file name of a session's recording: {@code <start>_<server>_<session-id>.cast}. */
    static String fileName(java.time.Instant start, String server, String sessionId) {
        return START.format(start) + "_" + RecordingStore.safeServerName(server) + "_" + sessionId
                + RecordingStore.EXTENSION;
    }

    @Override
    public void sessionStarted(Session session) {
        RecordingSettings settings = settingsByServer.get(session.serverName());
        if (settings == null || closed || !(session instanceof ProtocolSession protocolSession)) {
            return;
        }
        Path file = settings.directory().resolve(fileName(session.startTime(), session.serverName(), session.id()));
        SessionRecording recording = SessionRecording.start(protocolSession, settings, file, writer);
        recordings.put(session.id(), recording);
        protocolSession.addTap(recording);
    }

    @Override
    public void sessionEnded(Session session) {
        SessionRecording recording = recordings.remove(session.id());
        if (recording != null) {
            recording.end();
            if (session instanceof ProtocolSession protocolSession) {
                protocolSession.removeTap(recording);
            }
        }
    }

    /** Finishes every recording (sessions still open are recorded up to now) and writes the files out. */
    @Override
    public void close() {
        closed = true;
        for (String id : List.copyOf(recordings.keySet())) {
            SessionRecording recording = recordings.remove(id);
            if (recording != null) {
                recording.end();
            }
        }
        writer.close();
    }
}
