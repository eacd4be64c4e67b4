package io.chuk.protocol.monitor;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attached viewer's outbound queue. {@link #send} never blocks: it queues the message, or
 * starts sending it, or (past either bound) drops the viewer. The bounds count what this viewer
 * holds: messages waiting plus the one being written.
 *
 * <p>The {@code active_sessions} snapshot a viewer gets on attach is exempt from the byte bound:
 * it grows with the number of live sessions (about 450 bytes each), not with anybody's traffic,
 * and counting it would drop every viewer of a busy server.
 */
public final class Viewer {

    /** Bytes a viewer may have waiting (UTF-8, including the message being written) before it is dropped. */
    public static final int MAX_QUEUED_BYTES = 1024 * 1024;
    /** Messages a viewer may have waiting before it is dropped. */
    public static final int MAX_QUEUED_MESSAGES = 1000;

    private final ViewerConnection connection;
    private final SessionMonitor monitor;
    private final long maxBytes;
    private final int maxMessages;

    // guarded by this
    private final ArrayDeque<MonitorMessage> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long peakQueuedBytes;
    private boolean sending;
    private boolean stopped;
    /** The requested {@code active_sessions} still waiting; at most one, as it is not counted in bytes. */
    private MonitorMessage snapshotWaiting;

    Viewer(ViewerConnection connection, SessionMonitor monitor, long maxBytes, int maxMessages) {
        this.connection = connection;
        this.monitor = monitor;
        this.maxBytes = maxBytes;
        this.maxMessages = maxMessages;
    }

    /** The first message, sent before any other and not counted against the byte bound. */
    void start(String snapshot) {
        synchronized (this) {
            queue.addFirst(new MonitorMessage(snapshot, 0));
            if (sending) {
                return;
            }
            sending = true;
        }
        pump();
    }

    /**
     * Queues a session list the viewer asked for. Like the first snapshot it is not counted against
     * the byte bound (it grows with the live sessions); instead at most one may wait.
     *
     * @return false if one still waits, and nothing was queued
     */
    boolean sendSnapshot(String snapshot) {
        MonitorMessage message = new MonitorMessage(snapshot, 0);
        synchronized (this) {
            if (snapshotWaiting != null) {
                return false;
            }
            if (!stopped) {
                snapshotWaiting = message;
            }
        }
        send(message);
        return true;
    }

    /** Whether this viewer may act on sessions: it presented the monitor token. */
    boolean admin() {
        return connection.tokenPresented();
    }

    String remoteAddress() {
        return connection.remoteAddress();
    }

    /** Queues one message, or drops this viewer if it would pass a bound. Never blocks. */
    void send(MonitorMessage message) {
        String tooSlow = null;
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (queue.size() >= maxMessages) {
                tooSlow = queue.size() + " messages waiting (limit " + maxMessages + ")";
            } else if (queuedBytes + message.bytes() > maxBytes) {
                tooSlow = queuedBytes + " bytes waiting and " + message.bytes() + " more (limit " + maxBytes + ")";
            }
            if (tooSlow != null) {
                stop();
            } else {
                queue.add(message);
                queuedBytes += message.bytes();
                peakQueuedBytes = Math.max(peakQueuedBytes, queuedBytes);
                if (sending) {
                    return;
                }
                sending = true;
            }
        }
        if (tooSlow != null) {
            monitor.drop(this, tooSlow);
        } else {
            pump();
        }
    }

    /** Bytes counted against the bound right now. */
    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** The most bytes ever counted against the bound at once; never above the bound. */
    public synchronized long peakQueuedBytes() {
        return peakQueuedBytes;
    }

    void closeTooSlow() {
        connection.closeTooSlow();
    }

    /** Nothing more is queued or sent; what waited is let go. */
    private void stop() {
        stopped = true;
        for (MonitorMessage waiting : queue) {
            queuedBytes -= waiting.bytes();
        }
        queue.clear();
        snapshotWaiting = null;
    }

    /**
     * Sends queued messages one at a time. A send that completes before {@code sendText} returns
     * continues this loop instead of recursing, so a long queue cannot overflow the stack; one that
     * completes later continues on the completing thread.
     */
    private void pump() {
        while (true) {
            MonitorMessage next;
            synchronized (this) {
                next = stopped ? null : queue.poll();
                if (next != null && next == snapshotWaiting) {
                    snapshotWaiting = null;
                }
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            Completion completion = new Completion(next.bytes());
            connection.sendText(next.json(), completion);
            if (completion.later()) {
                return;
            }
        }
    }

    /** One send's outcome; whichever of the sender and the completer comes second continues the queue. */
    private final class Completion implements ViewerConnection.Sent {
        private final int bytes;
        private final AtomicBoolean firstArrived = new AtomicBoolean();

        Completion(int bytes) {
            this.bytes = bytes;
        }

        @Override
        public void done(boolean written) {
            synchronized (Viewer.this) {
                queuedBytes -= bytes;
                if (!written) {
                    stop(); // the connection is failing; its close detaches the viewer
                }
            }
            if (!firstArrived.compareAndSet(false, true)) {
                pump();
            }
        }

        /** Called by the sender after {@code sendText}: true if the completion has not come yet and will continue. */
        boolean later() {
            return firstArrived.compareAndSet(false, true);
        }
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
