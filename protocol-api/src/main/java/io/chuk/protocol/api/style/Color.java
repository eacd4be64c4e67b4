package io.chuk.protocol.api.style;

/**
 * A foreground or background colour at any depth: one of the 16 ANSI colours, an index into
 * the 256-colour palette, or a 24-bit RGB value. A {@link TerminalStyle} sends it at the depth
 * the session's terminal supports, replacing it by the nearest colour it can show.
 */
public sealed interface Color permits Color.Ansi, Color.Indexed, Color.Rgb {

    /** ANSI colour 0. */
    Color BLACK = new Ansi(0);
    /** ANSI colour 1. */
    Color RED = new Ansi(1);
    /** ANSI colour 2. */
    Color GREEN = new Ansi(2);
    /** ANSI colour 3. */
    Color YELLOW = new Ansi(3);
    /** ANSI colour 4. */
    Color BLUE = new Ansi(4);
    /** ANSI colour 5. */
    Color MAGENTA = new Ansi(5);
    /** ANSI colour 6. */
    Color CYAN = new Ansi(6);
    /** ANSI colour 7. */
    Color WHITE = new Ansi(7);
    /** ANSI colour 8 (often shown as grey). */
    Color BRIGHT_BLACK = new Ansi(8);
    /** ANSI colour 9. */
    Color BRIGHT_RED = new Ansi(9);
    /** ANSI colour 10. */
    Color BRIGHT_GREEN = new Ansi(10);
    /** ANSI colour 11. */
    Color BRIGHT_YELLOW = new Ansi(11);
    /** ANSI colour 12. */
    Color BRIGHT_BLUE = new Ansi(12);
    /** ANSI colour 13. */
    Color BRIGHT_MAGENTA = new Ansi(13);
    /** ANSI colour 14. */
    Color BRIGHT_CYAN = new Ansi(14);
    /** ANSI colour 15. */
    Color BRIGHT_WHITE = new Ansi(15);

    /** One of the 16 ANSI colours, 0 (black) to 15 (bright white). */
    static Color ansi(int index) {
        return new Ansi(index);
    }

    /** An entry of the xterm 256-colour palette, 0 to 255. */
    static Color indexed(int index) {
        return new Indexed(index);
    }

    /** A 24-bit colour; each component 0 to 255. */
    static Color rgb(int red, int green, int blue) {
        return new Rgb(red, green, blue);
    }

    /**
     * One of the 16 ANSI colours, sent as SGR 30–37/90–97 (foreground) or 40–47/100–107
     * (background).
     *
     * @param index 0 to 15
     */
    record Ansi(int index) implements Color {
        /** Rejects an index outside 0–15. */
        public Ansi {
            check(index, 15, "ANSI colour index");
        }
    }

    /**
     * An entry of the 256-colour palette, sent as SGR {@code 38;5;n}/{@code 48;5;n}.
     *
     * @param index 0 to 255
     */
    record Indexed(int index) implements Color {
        /** Rejects an index outside 0–255. */
        public Indexed {
            check(index, 255, "palette index");
        }
    }

    /**
     * A 24-bit colour, sent as SGR {@code 38;2;r;g;b}/{@code 48;2;r;g;b}.
     *
     * @param red   0 to 255
     * @param green 0 to 255
     * @param blue  0 to 255
     */
    record Rgb(int red, int green, int blue) implements Color {
        /** Rejects a component outside 0–255. */
        public Rgb {
            check(red, 255, "red");
            check(green, 255, "green");
            check(blue, 255, "blue");
        }
    }

    private static void check(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be 0-" + max + ", was " + value);
        }
    }
}
