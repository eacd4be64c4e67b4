package io.chuk.protocol.monitor;

import io.chuk.protocol.session.SessionTap;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The monitor's one tap on a watched session: each piece of traffic is serialised once and the
 * same message handed to every viewer watching. Runs on session threads and never blocks.
 */
final class SessionWatch implements SessionTap {

    private final String sessionId;
    private final Set<Viewer> watchers = new CopyOnWriteArraySet<>();

    SessionWatch(String sessionId) {
        this.sessionId = sessionId;
    }

    void add(Viewer viewer) {
        watchers.add(viewer);
    }

    /** @return whether nobody watches any more */
    boolean remove(Viewer viewer) {
        watchers.remove(viewer);
        return watchers.isEmpty();
    }

    @Override
    public void input(String text) {
        fanOut("client_input", text);
    }

    @Override
    public void output(String text) {
        fanOut("server_message", text);
    }

    private void fanOut(String type, String text) {
        if (watchers.isEmpty()) {
            return;
        }
        MonitorMessage message = MonitorMessage.traffic(type, sessionId, text);
        for (Viewer viewer : watchers) {
            viewer.send(message);
        }
    }
}
