package io.chuk.protocol.cdi;

import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.directory.ActiveDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the process's {@link SessionDirectory} injectable: {@code @Inject SessionDirectory sessions;}. The
 * cluster's when the process is in one; resolved at each injection, as {@code directory()} is.
 */
@ApplicationScoped
public class SessionDirectoryProducer {

    @Produces
    public SessionDirectory sessionDirectory() {
        return ActiveDirectory.get();
    }
}
