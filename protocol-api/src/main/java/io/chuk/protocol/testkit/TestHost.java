package io.chuk.protocol.testkit;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;

/**
 * Several {@link TestSession}s that live together, as the sessions of one server do: they see
 * each other in the session directory (so {@code directory().broadcast} between them works) and
 * share one virtual clock ({@link TestSession#elapse} on any of them moves it for all).
 * Closing the host closes its sessions. Get one from {@link HandlerTestKit#host()}.
 */
public interface TestHost extends AutoCloseable {

    /** Opens a session with these options on this host; returns once it is quiet. */
    TestSession open(TestSessionOptions options);

    /** Opens a session of {@code handler} on {@code transport}, with default options, on this host. */
    default TestSession open(Class<? extends BaseHandler> handler, Transport transport) {
        return builder(handler).transport(transport).open();
    }

    /** A builder whose {@link HandlerTestKit.Builder#open()} opens the session on this host. */
    default HandlerTestKit.Builder builder(Class<? extends BaseHandler> handler) {
        return new HandlerTestKit.Builder(handler, this::open);
    }

    /** Closes every session of this host and stops its threads. */
    @Override
    void close();
}
