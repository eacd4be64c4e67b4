package io.chuk.protocol.config;

import java.util.List;

/**
 * A configuration that cannot be used. The message names the source (file), the key (as a
 * dotted path such as {@code servers.telnet.port}) and the reason, one problem per line.
 * {@link #problems()} has them all; the message lists the first {@value #MAX_LISTED}.
 */
public final class ConfigException extends Exception {

    /** One problem: where it is and what is wrong. */
    public record Problem(String key, String reason) {
        @Override
        public String toString() {
            return key.isEmpty() ? reason : key + ": " + reason;
        }
    }

    static final int MAX_LISTED = 50;
    static final int MAX_LINE = 2000;

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

    /**
     * One line per problem, each at most {@value #MAX_LINE} characters and without control characters
     * (a value from the file cannot forge log lines), and at most {@value #MAX_LISTED} of them.
     */
    private static String format(String source, List<Problem> problems) {
        StringBuilder message = new StringBuilder("Invalid configuration ").append(oneLine(source)).append(':');
        for (Problem problem : problems.subList(0, Math.min(problems.size(), MAX_LISTED))) {
            message.append(System.lineSeparator()).append("  ").append(oneLine(source + ": " + problem));
        }
        if (problems.size() > MAX_LISTED) {
            message.append(System.lineSeparator()).append("  ").append(oneLine(source)).append(": and ")
                    .append(problems.size() - MAX_LISTED).append(" more problems");
        }
        return message.toString();
    }

    private static String oneLine(String text) {
        String bounded = text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "..." : text;
        StringBuilder line = new StringBuilder(bounded.length());
        bounded.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return line.toString();
    }
}
