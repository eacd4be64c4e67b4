package io.chuk.protocol.session;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * The logging context (MDC) every line of a session's callback carries, put on the running
 * thread for the callback and taken off after it. A thread with no context of its own (the
 * usual case) gets it in one step and is cleared in one, which costs a fraction of putting and
 * removing each key; a thread that already has one (a callback run inside another's, or a
 * container thread with its own context) gets its own context back exactly as it was.
 */
final class SessionLogContext {

    private final Map<String, String> values;

    /** @param namesAndValues names and values, alternating */
    SessionLogContext(String... namesAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        this.values = Map.copyOf(map); // compact: every session holds one
    }

    /** Puts the context on this thread; returns what {@link #restore} needs ({@code null}: the thread had none). */
    Map<String, String> enter() {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (previous == null || previous.isEmpty()) {
            MDC.setContextMap(values);
            return null;
        }
        values.forEach(MDC::put);
        return previous;
    }

    /** Gives the thread back the context it had before {@link #enter}. */
    void restore(Map<String, String> previous) {
        if (previous == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
