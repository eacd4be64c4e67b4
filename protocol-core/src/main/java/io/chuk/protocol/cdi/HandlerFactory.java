package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.BaseHandler;

/**
 * Creates one handler instance per session and releases it when the session ends.
 * {@link #detect()} picks CDI when a container is running, else plain construction.
 */
public interface HandlerFactory {

    /**
     * A handler instance and what releases it. A record, so a session keeps its two parts and
     * drops the wrapper: the release of a plain object is one shared no-op.
     *
     * @param handler  the new instance
     * @param releaser destroys it ({@code @PreDestroy}, dependent beans)
     */
    record Created(BaseHandler handler, Runnable releaser) {

        /** What releases a plain object: nothing. */
        public static final Runnable NOTHING = () -> { };

        public void release() {
            releaser.run();
        }
    }

    Created create(Class<? extends BaseHandler> type) throws Exception;

    /** CDI through {@code CDI.current()} when a container is running, otherwise {@link #reflective()}. */
    static HandlerFactory detect() {
        try {
            Class.forName("jakarta.enterprise.inject.spi.CDI", false, HandlerFactory.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return reflective();
        }
        return CdiHandlerFactory.ifAvailable().orElseGet(HandlerFactory::reflective);
    }

    /** Plain {@code new} through the public no-argument constructor; no injection. */
    static HandlerFactory reflective() {
        return PlainHandlers::create;
    }
}
