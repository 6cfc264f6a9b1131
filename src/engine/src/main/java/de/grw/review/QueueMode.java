package de.grw.review;

import java.util.Locale;

/** The order in which the review queue offers clusters (issue 15). */
public enum QueueMode {
    /** Most uncertain first: the weakest link closest to undecided, by priority group (the order before issue 15). */
    UNCERTAIN("uncertain"),
    /**
     * Active learning: the clusters whose answer would teach the model most, by uncertainty and diversity (see
     * {@link QueueOrdering}), so that the decisions taken label the kinds of pairs the model is least sure of.
     */
    ACTIVE_LEARNING("active-learning");

    private final String code;

    QueueMode(String code) {
        this.code = code;
    }

    /** As in requests and on the command line ({@code uncertain}, {@code active-learning}). */
    public String code() {
        return code;
    }

    /** Parses a code or name ({@code null} or blank: {@link #UNCERTAIN}). */
    public static QueueMode parse(String text) {
        if (text == null || text.isBlank()) {
            return UNCERTAIN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (QueueMode m : values()) {
            if (m.code.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown queue mode '" + text + "' (uncertain, active-learning)");
    }
}
