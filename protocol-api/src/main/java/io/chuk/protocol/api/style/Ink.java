package io.chuk.protocol.api.style;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable combination of foreground, background and attributes, bound to the colour
 * depth of the {@link TerminalStyle} that made it. Each method returns a new ink; {@link #apply}
 * wraps text in it. At {@link ColorDepth#NONE} every ink writes text unchanged.
 */
public final class Ink {

    private final ColorDepth depth;
    private final Color foreground;
    private final Color background;
    private final Set<Attribute> attributes;

    Ink(ColorDepth depth) {
        this(depth, null, null, EnumSet.noneOf(Attribute.class));
    }

    private Ink(ColorDepth depth, Color foreground, Color background, Set<Attribute> attributes) {
        this.depth = depth;
        this.foreground = foreground;
        this.background = background;
        this.attributes = Collections.unmodifiableSet(attributes);
    }

    /** This ink with text in {@code color}. */
    public Ink fg(Color color) {
        return new Ink(depth, Objects.requireNonNull(color, "color"), background, attributeCopy());
    }

    /** This ink on a {@code color} background. */
    public Ink bg(Color color) {
        return new Ink(depth, foreground, Objects.requireNonNull(color, "color"), attributeCopy());
    }

    /** This ink with {@code more} attributes added. */
    public Ink with(Attribute... more) {
        EnumSet<Attribute> all = attributeCopy();
        for (Attribute attribute : more) {
            all.add(Objects.requireNonNull(attribute, "attribute"));
        }
        return new Ink(depth, foreground, background, all);
    }

    /** This ink, bold. */
    public Ink bold() {
        return with(Attribute.BOLD);
    }

    /** This ink, dim. */
    public Ink dim() {
        return with(Attribute.DIM);
    }

    /** This ink, underlined. */
    public Ink underline() {
        return with(Attribute.UNDERLINE);
    }

    /** This ink, reversed. */
    public Ink reverse() {
        return with(Attribute.REVERSE);
    }

    /**
     * The SGR sequence switching this ink on: attributes in {@link Attribute} order, then
     * foreground, then background, each colour fitted to the depth. Empty at
     * {@link ColorDepth#NONE} or when nothing is set.
     */
    public String start() {
        if (depth == ColorDepth.NONE) {
            return "";
        }
        List<String> params = new ArrayList<>();
        attributes.forEach(a -> params.add(Integer.toString(a.sgr())));
        if (foreground != null) {
            params.add(Palette.sgr(Palette.fit(foreground, depth), false));
        }
        if (background != null) {
            params.add(Palette.sgr(Palette.fit(background, depth), true));
        }
        return params.isEmpty() ? "" : TerminalStyle.CSI + String.join(";", params) + "m";
    }

    /** {@code text} in this ink followed by a reset, or {@code text} alone if the ink writes nothing. */
    public String apply(String text) {
        String start = start();
        return start.isEmpty() ? text : start + text + TerminalStyle.RESET;
    }

    private EnumSet<Attribute> attributeCopy() {
        EnumSet<Attribute> copy = EnumSet.noneOf(Attribute.class);
        copy.addAll(attributes);
        return copy;
    }
}
