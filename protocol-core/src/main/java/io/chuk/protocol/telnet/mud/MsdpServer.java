package io.chuk.protocol.telnet.mud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server side of MSDP for one session, without I/O: the variables the handler published,
 * the ones the client asked to have reported, and the answers to the client's commands
 * ({@code LIST}, {@code REPORT}, {@code UNREPORT}, {@code SEND}, {@code RESET}). Every method
 * returns the sub-negotiation bodies to send. Not thread-safe.
 */
public final class MsdpServer {

    /** Most variable names one client may have reported. */
    public static final int MAX_REPORTED = 256;

    static final List<String> COMMANDS = List.of("LIST", "REPORT", "RESET", "SEND", "UNREPORT");
    static final List<String> LISTS = List.of("COMMANDS", "LISTS", "CONFIGURABLE_VARIABLES",
            "REPORTABLE_VARIABLES", "REPORTED_VARIABLES", "SENDABLE_VARIABLES");

    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Set<String> reported = new LinkedHashSet<>();

    /** What one message from the client leads to: bodies to send, and the variables for the handler. */
    public record Outcome(List<byte[]> replies, List<MsdpCodec.Variable> forHandler) {
    }

    /** The client's variables: commands are answered, the rest goes to the handler. */
    public Outcome receive(List<MsdpCodec.Variable> message) {
        List<byte[]> replies = new ArrayList<>();
        List<MsdpCodec.Variable> forHandler = new ArrayList<>();
        for (MsdpCodec.Variable variable : message) {
            List<String> names = strings(variable.value());
            switch (variable.name().toUpperCase(Locale.ROOT)) {
                case "LIST" -> names.forEach(list -> list(list, replies));
                case "REPORT" -> names.forEach(name -> {
                    if (reported.contains(name) || reported.size() < MAX_REPORTED) {
                        reported.add(name);
                        send(name, replies);
                    }
                });
                case "UNREPORT" -> names.forEach(reported::remove);
                case "SEND" -> names.forEach(name -> send(name, replies));
                case "RESET" -> {
                    if (names.stream().anyMatch(n -> n.equalsIgnoreCase("REPORTED_VARIABLES")
                            || n.equalsIgnoreCase("REPORTABLE_VARIABLES"))) {
                        reported.clear();
                    }
                }
                default -> forHandler.add(variable);
            }
        }
        return new Outcome(replies, forHandler);
    }

    /**
     * Publishes a variable; returns the body to send (the client reports it and the value
     * changed), or null.
     *
     * @throws IllegalArgumentException see {@link MsdpCodec#normalise}
     */
    public byte[] set(String name, Object value) {
        Object normal = MsdpCodec.normalise(value);
        Object previous = variables.put(MsdpCodec.checkedName(name), normal);
        return reported.contains(name) && !normal.equals(previous) ? MsdpCodec.encode(name, normal) : null;
    }

    public Set<String> variables() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(variables.keySet()));
    }

    public Set<String> reported() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(reported));
    }

    private void list(String list, List<byte[]> replies) {
        switch (list.toUpperCase(Locale.ROOT)) {
            case "COMMANDS" -> replies.add(MsdpCodec.encode("COMMANDS", COMMANDS));
            case "LISTS" -> replies.add(MsdpCodec.encode("LISTS", LISTS));
            case "CONFIGURABLE_VARIABLES" -> replies.add(MsdpCodec.encode("CONFIGURABLE_VARIABLES", List.of()));
            case "REPORTABLE_VARIABLES", "SENDABLE_VARIABLES" ->
                    replies.add(MsdpCodec.encode(list.toUpperCase(Locale.ROOT), List.copyOf(variables.keySet())));
            case "REPORTED_VARIABLES" -> replies.add(MsdpCodec.encode("REPORTED_VARIABLES", List.copyOf(reported)));
            default -> {
                // an unknown list: MSDP says nothing is sent
            }
        }
    }

    private void send(String name, List<byte[]> replies) {
        Object value = variables.get(name);
        if (value != null) {
            replies.add(MsdpCodec.encode(name, value));
        }
    }

    /** A command's argument as names: one text, or the texts of an array. */
    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}
