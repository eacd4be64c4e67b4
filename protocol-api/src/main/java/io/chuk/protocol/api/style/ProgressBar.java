package io.chuk.protocol.api.style;

/** Renders {@code [#####-----] 50%}: plain ASCII, so it reads the same on every transport. */
final class ProgressBar {

    /** The most cells drawn, whatever is asked: keeps the line bounded. */
    static final int MAX_CELLS = 1000;
    /** What the brackets and the widest label ({@code " 100%"}) add to the cells. */
    static final int DECORATION = 7;
    /** Absorbs binary rounding, so that 0.29 shows 29 % rather than 28 %. */
    private static final double EPSILON = 1e-9;

    private ProgressBar() {
    }

    /**
     * The bar for {@code fraction} (clamped to 0–1, NaN as 0) over {@code cells} cells (clamped
     * to 1–{@value #MAX_CELLS}). Cells and percentage round down, so the bar is full and reads
     * 100 % only when the work is done.
     */
    static String render(double fraction, int cells) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int n = Math.max(1, Math.min(MAX_CELLS, cells));
        int filled = (int) Math.floor(f * n + EPSILON);
        int percent = (int) Math.floor(f * 100 + EPSILON);
        return "[" + "#".repeat(filled) + "-".repeat(n - filled) + "] " + percent + "%";
    }
}
