package io.chuk.protocol.cdi;

import jakarta.inject.Inject;

/** Not a bean (no bean-defining annotation, never added to the container), but with injection points and lifecycle callbacks. */
public class PlainInjectedHandler extends PlainLifecycleHandler {
    @Inject
    Counter counter;
}
