package io.chuk.protocol.cdi;

import jakarta.enterprise.context.Dependent;

/** A {@code @Dependent} handler bean extending another one, as the login sample extends the echo sample. */
@Dependent
public class DependentSubHandler extends DependentHandler {
}
