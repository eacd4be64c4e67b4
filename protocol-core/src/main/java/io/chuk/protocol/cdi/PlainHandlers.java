package io.chuk.protocol.cdi;

import io.chuk.protocol.handlers.BaseHandler;

import java.lang.reflect.Constructor;

/**
 * Handlers made with their no-argument constructor, looked up once per class: a lookup copies the
 * constructor, and this runs for every connection.
 */
final class PlainHandlers {

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                return type.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    private PlainHandlers() {
    }

    static HandlerFactory.Created create(Class<? extends BaseHandler> type) throws ReflectiveOperationException {
        Constructor<?> constructor = CONSTRUCTORS.get(type);
        if (constructor == null) {
            throw new NoSuchMethodException(type.getName() + ".<init>()");
        }
        return new HandlerFactory.Created(type.cast(constructor.newInstance()), HandlerFactory.Created.NOTHING);
    }
}
