package io.chuk.protocol.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The bits of the Mud Terminal Type Standard (MTTS): a client that cycles through its TTYPE
 * names ends with {@code "MTTS <n>"}, where {@code n} is the sum of the flags it supports.
 */
public enum MttsFlag {
    /** Understands ANSI colour and attribute codes. */
    ANSI(1),
    /** Understands VT100 cursor and screen control. */
    VT100(2),
    /** Uses UTF-8. */
    UTF8(4),
    /** Understands the 256-colour palette ({@code 38;5;n}). */
    COLORS_256(8),
    /** Understands xterm mouse tracking. */
    MOUSE_TRACKING(16),
    /** Understands the OSC colour palette sequences. */
    OSC_COLOR_PALETTE(32),
    /** Is used through a screen reader: keep layout linear and decorations out. */
    SCREEN_READER(64),
    /** Is a proxy (the terminal behind it may differ). */
    PROXY(128),
    /** Understands 24-bit colour ({@code 38;2;r;g;b}). */
    TRUECOLOR(256),
    /** Supports the Mud New-Environ Standard. */
    MNES(512),
    /** Supports the Mud Server Link Protocol. */
    MSLP(1024),
    /** Is connected over TLS. */
    SSL(2048);

    private static final String PREFIX = "MTTS ";
    /** Long enough for any int; a longer number is not an MTTS entry. */
    private static final int MAX_DIGITS = 10;

    private final int bit;

    MttsFlag(int bit) {
        this.bit = bit;
    }

    /** The flag's value in the MTTS bit field. */
    public int bit() {
        return bit;
    }

    /** Whether this flag is set in {@code flags}. */
    public boolean isSetIn(int flags) {
        return (flags & bit) != 0;
    }

    /** The known flags set in {@code flags}; unknown bits are ignored. */
    public static Set<MttsFlag> decode(int flags) {
        EnumSet<MttsFlag> set = EnumSet.noneOf(MttsFlag.class);
        for (MttsFlag flag : values()) {
            if (flag.isSetIn(flags)) {
                set.add(flag);
            }
        }
        return set;
    }

    /**
     * The bit field of a TTYPE name of the form {@code "MTTS <n>"} (case-insensitive, {@code n}
     * a non-negative decimal int), or empty for any other name, including a malformed one.
     */
    public static OptionalInt parse(String terminalTypeName) {
        if (terminalTypeName == null) {
            return OptionalInt.empty();
        }
        String name = terminalTypeName.trim();
        if (!name.toUpperCase(Locale.ROOT).startsWith(PREFIX)) {
            return OptionalInt.empty();
        }
        String digits = name.substring(PREFIX.length()).trim();
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(digits);
        return value > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) value);
    }
}
