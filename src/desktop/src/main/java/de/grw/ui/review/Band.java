package de.grw.ui.review;

/** Confidence bands of a cluster by its weakest link. */
public enum Band {
    ALL(0, 1), HIGH(0.99, 1), MEDIUM(0.9, 0.99), LOW(0, 0.9);

    final double from;
    final double to;

    Band(double from, double to) {
        this.from = from;
        this.to = to;
    }

    public static Band of(double probability) {
        return probability >= 0.99 ? HIGH : probability >= 0.9 ? MEDIUM : LOW;
    }
}
