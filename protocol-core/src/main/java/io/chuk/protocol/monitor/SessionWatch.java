package io.chuk.protocol.monitor;

import io.chuk.protocol.cluster.RemoteMonitoring;
import io.chuk.protocol.session.SessionTap;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * The monitor's one tap on a watched session: each piece of traffic is serialised once and the
 * same message handed to every viewer watching it in that mode: {@code lines} viewers get
 * {@code client_input} and {@code server_message}, {@code terminal} viewers the terminal stream
 * ({@code terminal_output}, {@code terminal_size}). Runs on session threads and never blocks.
 * A session of another node is watched through the same object, fed by the cluster's relay
 * instead of the session itself.
 */
final class SessionWatch implements SessionTap {

    /** What a viewer watches of a session. */
    enum Mode { LINES, TERMINAL }

    private final String sessionId;
    private final Set<Viewer> lineWatchers = new CopyOnWriteArraySet<>();
    private final Set<Viewer> terminalWatchers = new CopyOnWriteArraySet<>();
    /** The relay from the session's node; null for a session of this node. */
    private volatile RemoteMonitoring.Watch remote;
    /** The last window size seen, for a remote session's later terminal watchers; null until one is. */
    private volatile MonitorMessage lastSize;

    SessionWatch(String sessionId) {
        this.sessionId = sessionId;
    }

    RemoteMonitoring.Watch remote() {
        return remote;
    }

    void remote(RemoteMonitoring.Watch relay) {
        this.remote = relay;
    }

    boolean wantsLines() {
        return !lineWatchers.isEmpty();
    }

    boolean wantsTerminal() {
        return !terminalWatchers.isEmpty();
    }

    /** Every viewer watching, in either mode. */
    Set<Viewer> viewers() {
        Set<Viewer> all = new HashSet<>(lineWatchers);
        all.addAll(terminalWatchers);
        return all;
    }

    Optional<MonitorMessage> lastSize() {
        return Optional.ofNullable(lastSize);
    }

    /** Starts watching, or switches an existing watcher to {@code mode}. */
    void add(Viewer viewer, Mode mode) {
        (mode == Mode.TERMINAL ? lineWatchers : terminalWatchers).remove(viewer);
        (mode == Mode.TERMINAL ? terminalWatchers : lineWatchers).add(viewer);
    }

    /** @return whether nobody watches any more */
    boolean remove(Viewer viewer) {
        lineWatchers.remove(viewer);
        terminalWatchers.remove(viewer);
        return lineWatchers.isEmpty() && terminalWatchers.isEmpty();
    }

    @Override
    public void input(String text) {
        fanOut(lineWatchers, () -> MonitorMessage.traffic("client_input", sessionId, text));
    }

    @Override
    public void output(String text) {
        fanOut(lineWatchers, () -> MonitorMessage.traffic("server_message", sessionId, text));
    }

    @Override
    public void terminalOutput(byte[] bytes) {
        fanOut(terminalWatchers, () -> MonitorMessage.terminalOutput(sessionId, bytes));
    }

    @Override
    public void windowSize(int width, int height) {
        MonitorMessage size = MonitorMessage.terminalSize(sessionId, width, height);
        lastSize = size;
        fanOut(terminalWatchers, () -> size);
    }

    private static void fanOut(Set<Viewer> watchers, Supplier<MonitorMessage> message) {
        if (watchers.isEmpty()) {
            return;
        }
        MonitorMessage once = message.get();
        for (Viewer viewer : watchers) {
            viewer.send(once);
        }
    }
}
