package de.grw.synthetic;

import java.util.Locale;

/**
 * A person's place in the household the generator made them in, as the truth file writes it ({@code head},
 * {@code spouse}, ...). Evaluation uses it to tell which kind of relative a false merge joined.
 */
public enum Relation {
    /** Reference person: the one person of a one-person household, a single parent, the father of a family. */
    HEAD,
    /** Married (or registered) partner of the head. */
    SPOUSE,
    /** Unmarried partner of the head. */
    PARTNER,
    /** Child of the head and/or the spouse or partner. */
    CHILD,
    /** Child born in a twin birth; the household's other twin is also {@code TWIN}. */
    TWIN,
    /** Son carrying the given name of his father, the head. */
    JUNIOR,
    /** Parent of the head or of the spouse or partner (three generations, or an adult child caring for a parent). */
    PARENT,
    /** Anyone else: flatmates, other relatives. */
    OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The truth file's spelling. */
    public String label() {
        return label;
    }

    /** The relation with this label, or {@link #OTHER} for an unknown one. */
    public static Relation ofLabel(String label) {
        for (Relation r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        return OTHER;
    }

    /** Child, twin or junior. */
    public boolean isChild() {
        return this == CHILD || this == TWIN || this == JUNIOR;
    }

    /** Head, spouse or partner. */
    public boolean isParentGeneration() {
        return this == HEAD || this == SPOUSE || this == PARTNER;
    }
}
