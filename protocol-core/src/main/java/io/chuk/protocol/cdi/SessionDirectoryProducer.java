package io.chuk.protocol.cdi;

import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.directory.LocalSessionDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the process's {@link SessionDirectory} injectable: {@code @Inject SessionDirectory sessions;}. */
@ApplicationScoped
public class SessionDirectoryProducer {

    @Produces
    public SessionDirectory sessionDirectory() {
        return LocalSessionDirectory.instance();
    }
}
