package io.chuk.protocol.monitor;

/** The transport of one monitor viewer (a WebSocket connection), as the monitor drives it. */
public interface ViewerConnection {

    /** Told once when a send finished: whether the message was written. */
    interface Sent {
        void done(boolean written);
    }

    /**
     * Starts sending one text message and returns without waiting; {@code sent} is called exactly
     * once, possibly before this returns. The monitor never has two sends in flight.
     */
    void sendText(String text, Sent sent);

    /**
     * Closes the connection as a policy violation (WebSocket 1008) because the viewer fell too far
     * behind, and makes sure it goes away even if the peer never reads. May block, so the
     * monitor calls it on a thread of its own, never on a session's.
     */
    void closeTooSlow();

    /** Where the viewer connects from, for the log of admin actions. */
    String remoteAddress();

    /**
     * Whether the viewer presented the configured {@code monitor_token}: only such a viewer may
     * act on sessions. False wherever no token is configured.
     */
    boolean tokenPresented();
}
