package io.chuk.protocol.telnet;

import static io.chuk.protocol.telnet.TelnetCommand.ESC;
import static io.chuk.protocol.telnet.TelnetCommand.USERVAR;
import static io.chuk.protocol.telnet.TelnetCommand.VALUE;
import static io.chuk.protocol.telnet.TelnetCommand.VAR;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the variable list of an RFC 1572 {@code NEW-ENVIRON IS/INFO} sub-negotiation.
 *
 * <p>Grammar: {@code ( (VAR | USERVAR) name [ VALUE value ] )*}, where {@code ESC} makes the next
 * byte literal. A name without VALUE means "not defined" and is reported with a {@code null}
 * value. Names longer than {@link #MAX_NAME} bytes or values longer than {@link #MAX_VALUE} bytes
 * drop the whole variable (a truncated value would be a lie). Bytes before the first VAR/USERVAR
 * are skipped. Names and values are decoded as UTF-8 (malformed bytes become U+FFFD).
 */
final class EnvironmentParser {
    static final int MAX_NAME = 64;
    static final int MAX_VALUE = 1024;
    static final int MAX_VARIABLES = 32;

    /** One parsed variable; {@code value} is {@code null} when the peer says it is undefined. */
    record Variable(String name, String value) {
    }

    private EnvironmentParser() {
    }

    static List<Variable> parse(byte[] body, int from, int to) {
        List<Variable> out = new ArrayList<>();
        int i = from;
        // skip anything before the first tag
        while (i < to && !isNameTag(body[i] & 0xFF)) {
            i++;
        }
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        while (i < to) {
            int tag = body[i++] & 0xFF;
            if (!isNameTag(tag)) {
                continue; // stray byte (e.g. VALUE without a name): skip
            }
            name.reset();
            i = readToken(body, i, to, name);
            boolean defined = false;
            value.reset();
            if (i < to && (body[i] & 0xFF) == VALUE) {
                defined = true;
                i = readToken(body, i + 1, to, value);
            }
            if (out.size() >= 4 * MAX_VARIABLES) {
                continue; // keep scanning cheaply, but stop collecting
            }
            if (name.size() == 0 || name.size() > MAX_NAME || value.size() > MAX_VALUE) {
                continue;
            }
            out.add(new Variable(name.toString(StandardCharsets.UTF_8),
                    defined ? value.toString(StandardCharsets.UTF_8) : null));
        }
        return out;
    }

    /**
     * Applies parsed variables to {@code env}: {@code replace} (IS) clears it first; an undefined
     * variable removes the name; new names are only added while fewer than {@link #MAX_VARIABLES}
     * are held.
     */
    static void merge(Map<String, String> env, List<Variable> vars, boolean replace) {
        if (replace) {
            env.clear();
        }
        for (Variable v : vars) {
            if (v.value() == null) {
                env.remove(v.name());
            } else if (env.containsKey(v.name()) || env.size() < MAX_VARIABLES) {
                env.put(v.name(), v.value());
            }
        }
    }

    private static boolean isNameTag(int b) {
        return b == VAR || b == USERVAR;
    }

    /** Reads up to the next unescaped VAR/VALUE/USERVAR; stores at most MAX_VALUE + 1 bytes. */
    private static int readToken(byte[] body, int i, int to, ByteArrayOutputStream into) {
        while (i < to) {
            int b = body[i] & 0xFF;
            if (b == VAR || b == VALUE || b == USERVAR) {
                return i;
            }
            if (b == ESC) {
                i++;
                if (i >= to) {
                    return i;
                }
                b = body[i] & 0xFF;
            }
            if (into.size() <= MAX_VALUE) {
                into.write(b);
            }
            i++;
        }
        return i;
    }
}
