package io.chuk.protocol.telnet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The terminal-type exchange (RFC 1091, cycled as MTTS does) of one connection, without I/O:
 * each {@code TTYPE IS name} answer to our {@code SEND} either adds a name and asks for the next,
 * or ends the cycle when the client repeats itself (last name again) or wraps around (first name
 * again). Names and queries are bounded; unsolicited answers never start another round.
 */
final class TerminalTypeCycle {

    private final int maxTypes;
    private final List<String> names = new ArrayList<>();
    private int queries;
    private boolean awaited;

    /** @param maxTypes most names kept, and most queries sent */
    TerminalTypeCycle(int maxTypes) {
        this.maxTypes = maxTypes;
    }

    /** The first name the client gave (its main terminal type), or {@code null}. */
    String primary() {
        return names.isEmpty() ? null : names.get(0);
    }

    /** Every name so far, in the client's order. */
    List<String> names() {
        return names;
    }

    /** How many queries were sent. */
    int queries() {
        return queries;
    }

    /** Whether no query has been sent yet: the first goes out once the client agrees to TTYPE. */
    boolean notStarted() {
        return queries == 0;
    }

    /** Counts a {@code SEND} about to go out. */
    void querySent() {
        queries++;
        awaited = true;
    }

    /** Whether another query is allowed (the bound is not reached). */
    boolean mayQueryAgain() {
        return queries < maxTypes;
    }

    /**
     * An answer: returns whether to ask for the next name. {@code first} hears the client's first
     * name, once.
     */
    boolean received(String name, Consumer<String> first) {
        boolean solicited = awaited;
        awaited = false;
        if (name.isEmpty()) {
            return false;
        }
        if (names.isEmpty()) {
            names.add(name);
            first.accept(name);
            return solicited;
        }
        if (!solicited) {
            return false; // an unsolicited repeat: keep what we have
        }
        if (name.equalsIgnoreCase(names.get(names.size() - 1)) || name.equalsIgnoreCase(names.get(0))) {
            return false; // the list ended (repeat) or wrapped around (first again)
        }
        if (names.size() < maxTypes) {
            names.add(name);
        }
        return true;
    }
}
