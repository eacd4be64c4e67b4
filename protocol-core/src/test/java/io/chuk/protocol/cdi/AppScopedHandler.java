package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.LineHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A handler wrongly declared application-scoped: it must still be one instance per session. */
@ApplicationScoped
public class AppScopedHandler extends LineHandler {
    @Inject
    Counter counter;
}
