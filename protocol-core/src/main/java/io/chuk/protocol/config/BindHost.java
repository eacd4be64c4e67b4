package io.chuk.protocol.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Checks a {@code host} value when the configuration is loaded, so that a mistyped address or an
 * unknown name is reported under its own key instead of surfacing later as a failure to listen.
 * Literal addresses are checked without any lookup; names are resolved off the caller's thread
 * and waited for only until the loading deadline.
 */
final class BindHost {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** The characters of an IPv6 literal (with at least one colon), and an optional zone such as %eth0. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern WITH_PORT = Pattern.compile("[^:\\[\\]]*:\\d+|\\[.*]:\\d+");

    private BindHost() {
    }

    /**
     * Why {@code host} cannot be bound: malformed (found without any lookup), or a name that does not
     * resolve before {@code deadline}; empty if it can.
     */
    static Optional<String> problem(String host, Deadline deadline) {
        Optional<String> malformed = malformed(host);
        if (malformed.isPresent() || isAddress(host)) {
            return malformed;
        }
        if (deadline.passed()) {
            return Optional.of("cannot resolve host " + quoted(host) + ": no time left of " + deadline.allowed());
        }
        return unresolvable(host, deadline);
    }

    private static Optional<String> malformed(String host) {
        if (WITH_PORT.matcher(host).matches()) {
            return Optional.of("malformed address " + quoted(host) + ": give the port under the port key, not in host");
        }
        if (host.startsWith("[") || IPV6.matcher(host).matches()) {
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return IPV6.matcher(literal).matches() && isLiteral(literal) ? Optional.empty()
                    : Optional.of("malformed IPv6 address " + quoted(host));
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return IPV4.matcher(host).matches() ? Optional.empty() : Optional.of("malformed IPv4 address "
                    + quoted(host) + " (expected four numbers from 0 to 255 without leading zeros, such as 127.0.0.1)");
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253
                || !Arrays.stream(name.split("\\.", -1)).allMatch(label -> LABEL.matcher(label).matches())) {
            return Optional.of("malformed host " + quoted(host)
                    + " (expected an address such as 0.0.0.0 or ::1, or a host name such as localhost)");
        }
        return Optional.empty();
    }

    /** Whether {@code host} is a literal address, which needs no lookup. */
    private static boolean isAddress(String host) {
        return host.startsWith("[") || IPV6.matcher(host).matches() || DIGITS_AND_DOTS.matcher(host).matches();
    }

    /** Waits for the lookup until {@code deadline} at most; one still running then finishes on its own daemon thread. */
    private static Optional<String> unresolvable(String name, Deadline deadline) {
        CompletableFuture<Void> lookup = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                InetAddress.getByName(name);
                lookup.complete(null);
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        }, "chuk-config-lookup");
        thread.setDaemon(true);
        thread.start();
        try {
            lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of("cannot resolve host " + quoted(name));
        } catch (TimeoutException e) {
            return Optional.of("cannot resolve host " + quoted(name) + ": the lookup took longer than "
                    + deadline.allowed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("cannot resolve host " + quoted(name) + ": interrupted");
        }
    }

    /** A literal address, parsed by the JDK (which does no lookup for text containing ':'). */
    private static boolean isLiteral(String literal) {
        try {
            InetAddress.getByName("[" + literal + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String quoted(String host) {
        return "'" + Preview.of(host) + "'";
    }
}
