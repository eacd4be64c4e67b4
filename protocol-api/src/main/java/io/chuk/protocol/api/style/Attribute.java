package io.chuk.protocol.api.style;

/** A text attribute (SGR parameter), sent only to terminals that show colour. */
public enum Attribute {
    /** Bold or bright text (SGR 1). */
    BOLD(1),
    /** Faint text (SGR 2). */
    DIM(2),
    /** Underlined text (SGR 4). */
    UNDERLINE(4),
    /** Foreground and background swapped (SGR 7). */
    REVERSE(7);

    private final int sgr;

    Attribute(int sgr) {
        this.sgr = sgr;
    }

    /** The SGR parameter that turns the attribute on. */
    public int sgr() {
        return sgr;
    }
}
