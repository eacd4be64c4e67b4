package io.chuk.protocol.websocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops and restarts reading from a WebSocket without holding a thread, where the container can.
 * The portable Jakarta API has no such call. Tomcat's {@code WsSession} has public
 * {@code suspend()} and {@code resume()}, looked up once per session class by reflection (the
 * container's classes are not on the application's class path). Elsewhere there is none. (The
 * standalone server does not come here: it serves sessions on Jetty's core WebSocket API, which
 * pauses by not demanding the next frame.)
 */
final class InputSuspension {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");
    private static final Map<Class<?>, InputSuspension> BY_CLASS = new ConcurrentHashMap<>();
    private static final InputSuspension NONE = new InputSuspension(null, null);

    private final Method suspend;
    private final Method resume;

    private InputSuspension(Method suspend, Method resume) {
        this.suspend = suspend;
        this.resume = resume;
    }

    /** How sessions of {@code webSocket}'s class are suspended; {@link #supported()} is false if they cannot be. */
    static InputSuspension of(jakarta.websocket.Session webSocket) {
        return BY_CLASS.computeIfAbsent(webSocket.getClass(), InputSuspension::lookUp);
    }

    private static InputSuspension lookUp(Class<?> type) {
        try {
            Method suspend = type.getMethod("suspend");
            Method resume = type.getMethod("resume");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            LOG.debug("WebSocket sessions of {} pause by suspending reads", type.getName());
            return new InputSuspension(suspend, resume);
        } catch (NoSuchMethodException | RuntimeException e) {
            LOG.debug("WebSocket sessions of {} cannot suspend reads; a paused session holds its container thread",
                    type.getName());
            return NONE;
        }
    }

    boolean supported() {
        return suspend != null;
    }

    /** Suspends or resumes reads; returns false if the container refused (the caller then falls back). */
    boolean apply(jakarta.websocket.Session webSocket, boolean paused) {
        try {
            (paused ? suspend : resume).invoke(webSocket);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot {} WebSocket {}: {}", paused ? "suspend" : "resume", webSocket.getId(), e.toString());
            return false;
        }
    }
}
