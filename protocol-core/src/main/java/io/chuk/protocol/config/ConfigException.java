package io.chuk.protocol.config;

import java.util.List;

/**
 * A configuration that cannot be used. The message names the source (file), the key (as a
 * dotted path such as {@code servers.telnet.port}) and the reason, one problem per line.
 */
public final class ConfigException extends Exception {

    /** One problem: where it is and what is wrong. */
    public record Problem(String key, String reason) {
        @Override
        public String toString() {
            return key.isEmpty() ? reason : key + ": " + reason;
        }
    }

    private final String source;
    private final List<Problem> problems;

    public ConfigException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String source, String key, String reason) {
        this(source, List.of(new Problem(key, reason)));
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String source, List<Problem> problems) {
        StringBuilder message = new StringBuilder("Invalid configuration ").append(source).append(':');
        for (Problem problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(source).append(": ").append(problem);
        }
        return message.toString();
    }
}
