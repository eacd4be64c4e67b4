package io.chuk.protocol.api.style;

import io.chuk.protocol.api.TerminalInfo;

/** How many colours a terminal shows, from none to 24-bit. */
public enum ColorDepth {
    /** No colour and no attributes: plain text. */
    NONE,
    /** The 16 ANSI colours and the attributes. */
    ANSI_16,
    /** The xterm 256-colour palette. */
    ANSI_256,
    /** 24-bit RGB colour. */
    TRUECOLOR;

    /** The richest depth {@code info} claims; {@link #NONE} for {@code null}. */
    public static ColorDepth of(TerminalInfo info) {
        if (info == null || !info.hasColor()) {
            return NONE;
        }
        return info.hasTrueColor() ? TRUECOLOR : info.has256Colors() ? ANSI_256 : ANSI_16;
    }
}
