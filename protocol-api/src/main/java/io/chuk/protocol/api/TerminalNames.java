package io.chuk.protocol.api;

import java.util.List;
import java.util.Locale;

/**
 * What a TTYPE name suggests about the terminal, for clients that do not send MTTS flags.
 * Substring tests on the lower-cased name, so {@code "XTERM-256COLOR"} and {@code "screen.xterm-256color"}
 * are recognised alike; the known-client lists cover MUD clients and emulators whose names say
 * nothing about colour.
 */
final class TerminalNames {

    private static final List<String> COLOR = List.of("color", "colour", "xterm", "256", "ansi",
            "mudlet", "tintin", "mushclient", "cmud", "zmud", "putty", "linux", "screen", "tmux", "rxvt",
            "konsole", "alacritty", "kitty", "wezterm");
    private static final List<String> COLORS_256 = List.of("256", "mudlet", "tintin", "kitty", "alacritty",
            "wezterm");
    private static final List<String> TRUECOLOR = List.of("truecolor", "24bit", "direct", "kitty", "alacritty",
            "wezterm");
    private static final List<String> UTF8 = List.of("utf", "unicode", "xterm", "ansi", "mudlet", "tintin",
            "alacritty", "wezterm");
    /** Names that say "no terminal": no cursor control either. */
    private static final List<String> NOT_A_TERMINAL = List.of("", "dumb", "unknown");

    private TerminalNames() {
    }

    static boolean claimsColor(String name) {
        return mentions(name, COLOR);
    }

    static boolean claims256Colors(String name) {
        return mentions(name, COLORS_256);
    }

    static boolean claimsTrueColor(String name) {
        return mentions(name, TRUECOLOR);
    }

    static boolean claimsUtf8(String name) {
        return mentions(name, UTF8);
    }

    /** Whether the name is a real terminal type (a VT100 has cursor control but no colour). */
    static boolean isTerminal(String name) {
        return !NOT_A_TERMINAL.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean mentions(String name, List<String> tokens) {
        String lower = name.toLowerCase(Locale.ROOT);
        return tokens.stream().anyMatch(lower::contains);
    }
}
