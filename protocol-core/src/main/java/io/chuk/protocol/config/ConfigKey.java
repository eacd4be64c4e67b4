package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One key of a server entry, declared once in {@link ServerKeys}: its YAML name, how its value is
 * read and bounded, its default, the transports it applies to and a line of documentation.
 * Keys compare by identity.
 *
 * @param <T> the type of the setting
 */
public final class ConfigKey<T> {

    /** The transports a key has an effect on; elsewhere it is accepted with a warning. */
    public enum Scope {
        ALL(transport -> true),
        WEBSOCKET_ONLY(Transport::isWebSocket),
        TELNET_ONLY(Transport::speaksTelnet),
        RAW_ONLY(transport -> !transport.isWebSocket());

        private final Predicate<Transport> applies;

        Scope(Predicate<Transport> applies) {
            this.applies = applies;
        }

        public boolean appliesTo(Transport transport) {
            return applies.test(transport);
        }
    }

    private final String name;
    private final ValueType<T> type;
    private final Function<Transport, T> defaultFor;
    private final boolean required;
    private final boolean nullable;
    private final Scope scope;
    private final String doc;

    private ConfigKey(String name, ValueType<T> type, Function<Transport, T> defaultFor, boolean required,
                      Scope scope, String doc) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultFor = Objects.requireNonNull(defaultFor, "defaultFor");
        this.required = required;
        this.nullable = !required && Arrays.stream(Transport.values()).anyMatch(t -> defaultFor.apply(t) == null);
        this.scope = Objects.requireNonNull(scope, "scope");
        this.doc = Objects.requireNonNull(doc, "doc");
    }

    /** A key every entry must give. */
    static <T> ConfigKey<T> required(String name, ValueType<T> type, String doc) {
        return new ConfigKey<>(name, type, transport -> null, true, Scope.ALL, doc);
    }

    /** An optional key; a {@code null} default means "unset", which the setting may then be. */
    static <T> ConfigKey<T> optional(String name, ValueType<T> type, T defaultValue, Scope scope, String doc) {
        return new ConfigKey<>(name, type, transport -> defaultValue, false, scope, doc);
    }

    /** An optional key whose default depends on the entry's transport ({@code null} while that is unknown). */
    static <T> ConfigKey<T> perTransport(String name, ValueType<T> type, Function<Transport, T> defaultFor,
                                         Scope scope, String doc) {
        return new ConfigKey<>(name, type, defaultFor, false, scope, doc);
    }

    public String name() {
        return name;
    }

    /** The value an entry of {@code transport} gets when the key is left out; {@code null} if none. */
    public T defaultFor(Transport transport) {
        return defaultFor.apply(transport);
    }

    public boolean required() {
        return required;
    }

    /** Whether a setting may be {@code null} (unset). */
    public boolean nullable() {
        return nullable;
    }

    public Scope scope() {
        return scope;
    }

    public String doc() {
        return doc;
    }

    /**
     * This key's setting in {@code entry} (the YAML map of one server), for an entry of
     * {@code transport} ({@code null} while unknown). A missing or refused value gives the default,
     * and each refusal is passed to {@code problem} as a reason.
     */
    T read(Map<String, ?> entry, Transport transport, Consumer<String> problem) {
        T fallback = defaultFor(transport);
        T value;
        try {
            value = entry.containsKey(name) ? type.parse(entry.get(name)) : null;
        } catch (ValueType.Invalid e) {
            problem.accept(e.getMessage());
            return fallback;
        }
        if (value == null && required) {
            problem.accept("required");
        }
        return value != null ? value : fallback;
    }

    T cast(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    @Override
    public String toString() {
        return name;
    }
}
