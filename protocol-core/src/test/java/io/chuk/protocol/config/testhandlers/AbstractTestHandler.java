package io.chuk.protocol.config.testhandlers;

import io.chuk.protocol.handlers.LineHandler;

/** A handler class that cannot be instantiated. */
public abstract class AbstractTestHandler extends LineHandler {
}
