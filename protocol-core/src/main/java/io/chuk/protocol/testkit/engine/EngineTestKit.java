package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.testkit.TestHost;
import io.chuk.protocol.testkit.TestKitProvider;
import io.chuk.protocol.testkit.TestSession;
import io.chuk.protocol.testkit.TestSessionOptions;

/** The {@link TestKitProvider} of the session engine, registered in {@code META-INF/services}. */
public final class EngineTestKit implements TestKitProvider {

    @Override
    public TestHost newHost() {
        return new KitHost();
    }

    @Override
    public TestSession open(TestSessionOptions options) {
        KitHost host = new KitHost();
        try {
            return host.open(options, host::close);
        } catch (RuntimeException | Error e) {
            host.close();
            throw e;
        }
    }
}
