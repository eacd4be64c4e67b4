package io.chuk.protocol.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler's callbacks never block: no database or HTTP calls, no sleeps, no waiting on locks
 * held for long. The server may then run them on the thread that read the client's input, with
 * no hand-off to another thread, which is the fastest way to serve a session (as Jetty's
 * non-blocking {@code Invocable}s or a Netty handler on its event loop). The guarantees stay the
 * same: one callback at a time per session, in order.
 *
 * <p>A handler marked so that blocks anyway stalls every session sharing that network thread;
 * leave the mark off when in doubt.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonBlocking {
}
