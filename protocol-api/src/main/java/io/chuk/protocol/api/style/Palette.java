package io.chuk.protocol.api.style;

/**
 * Fits a {@link Color} to a {@link ColorDepth} by nearest colour (squared RGB distance) and
 * writes its SGR parameters. The RGB values are xterm's defaults; when downgrading to 256
 * colours only entries 16–255 are candidates, because users often retheme the first 16.
 */
final class Palette {

    private static final int[][] ANSI_RGB = {
        {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0},
        {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0},
        {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255},
    };
    private static final int[] CUBE_LEVELS = {0, 95, 135, 175, 215, 255};
    private static final int CUBE_START = 16;
    private static final int GREY_START = 232;

    private Palette() {
    }

    /** {@code color} as a terminal of {@code depth} (not {@link ColorDepth#NONE}) can show it. */
    static Color fit(Color color, ColorDepth depth) {
        if (depth == ColorDepth.TRUECOLOR || color instanceof Color.Ansi) {
            return color;
        }
        int[] rgb;
        if (color instanceof Color.Indexed indexed) {
            if (depth == ColorDepth.ANSI_256) {
                return color;
            }
            if (indexed.index() < CUBE_START) {
                return Color.ansi(indexed.index());
            }
            rgb = rgbOf(indexed.index());
        } else {
            Color.Rgb c = (Color.Rgb) color;
            rgb = new int[] {c.red(), c.green(), c.blue()};
        }
        return depth == ColorDepth.ANSI_256
                ? Color.indexed(nearest(rgb, CUBE_START, 256))
                : Color.ansi(nearest(rgb, 0, CUBE_START));
    }

    /** The SGR parameters selecting {@code color} as foreground or background. */
    static String sgr(Color color, boolean background) {
        if (color instanceof Color.Ansi ansi) {
            int i = ansi.index();
            int base = i < 8 ? (background ? 40 : 30) : (background ? 100 : 90);
            return Integer.toString(base + i % 8);
        }
        String prefix = background ? "48;" : "38;";
        if (color instanceof Color.Indexed indexed) {
            return prefix + "5;" + indexed.index();
        }
        Color.Rgb c = (Color.Rgb) color;
        return prefix + "2;" + c.red() + ';' + c.green() + ';' + c.blue();
    }

    /** The RGB value xterm shows for palette entry {@code index}. */
    static int[] rgbOf(int index) {
        if (index < CUBE_START) {
            return ANSI_RGB[index].clone();
        }
        if (index >= GREY_START) {
            int level = 8 + 10 * (index - GREY_START);
            return new int[] {level, level, level};
        }
        int cube = index - CUBE_START;
        return new int[] {CUBE_LEVELS[cube / 36], CUBE_LEVELS[cube / 6 % 6], CUBE_LEVELS[cube % 6]};
    }

    /** The palette index in [from, to) nearest to {@code rgb}; the lowest index wins a tie. */
    private static int nearest(int[] rgb, int from, int to) {
        int best = from;
        long bestDistance = Long.MAX_VALUE;
        for (int i = from; i < to; i++) {
            int[] candidate = rgbOf(i);
            long distance = 0;
            for (int k = 0; k < 3; k++) {
                long d = rgb[k] - candidate[k];
                distance += d * d;
            }
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
