package io.chuk.protocol.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT handling. A JVM shutdown hook would exit with status 143 and race with the
 * drain, so the launcher traps the signals itself where the JVM allows it.
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.server");

    private Signals() {
    }

    @SuppressWarnings("removal")
    static void onTermination(Runnable action) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.info("Received SIG{}", name);
                    action.run();
                });
            }
        } catch (IllegalArgumentException | LinkageError e) {
            LOG.debug("Signals cannot be trapped ({}); using a shutdown hook", e.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(action, "chuk-shutdown"));
        }
    }
}
