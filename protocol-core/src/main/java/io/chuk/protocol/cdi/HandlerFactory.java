package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.BaseHandler;

/**
 * Creates one handler instance per session and releases it when the session ends.
 * {@link #detect()} picks CDI when a container is running, else plain construction.
 */
public interface HandlerFactory {

    /** A handler instance and how to release it. */
    interface Created {
        BaseHandler handler();

        /** Destroys the instance ({@code @PreDestroy}, dependent beans). */
        void release();

        static Created of(BaseHandler handler, Runnable release) {
            return new Created() {
                @Override
                public BaseHandler handler() {
                    return handler;
                }

                @Override
                public void release() {
                    release.run();
                }
            };
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
        return type -> Created.of(type.getDeclaredConstructor().newInstance(), () -> {
            // a plain object: nothing to destroy
        });
    }
}
