package io.chuk.protocol.config.testhandlers;

import io.chuk.protocol.handlers.LineHandler;

/** A valid handler class for configuration tests. */
public class GoodHandler extends LineHandler {
}
