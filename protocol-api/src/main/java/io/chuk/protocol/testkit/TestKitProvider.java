package io.chuk.protocol.testkit;

/**
 * The service interface the session engine implements for {@link HandlerTestKit}; found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.chuk.protocol.testkit.TestKitProvider}
 * in {@code protocol-core}). Handler tests do not use it directly.
 */
public interface TestKitProvider {

    /** A new host: its sessions share one virtual clock and see each other in the session directory. */
    TestHost newHost();

    /** Opens one session on a host of its own, which is closed with the session. */
    TestSession open(TestSessionOptions options);
}
