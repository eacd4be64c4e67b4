package io.chuk.protocol.handlers;

/** Placeholder, replaced by the real handler API. */
public abstract class BaseHandler {
}
