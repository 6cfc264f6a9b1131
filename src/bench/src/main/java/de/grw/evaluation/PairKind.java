package de.grw.evaluation;

import de.grw.synthetic.Relation;

/** How two different persons are related, as far as the truth file's households and relations tell. */
public enum PairKind {
    TWINS("twins"),
    JUNIOR("father and son of the same name"),
    SIBLINGS("siblings"),
    PARENT_CHILD("parent and child"),
    SPOUSES("spouses or partners"),
    HOUSEHOLD_OTHER("same household, other"),
    OTHER_HOUSEHOLDS("different households");

    private final String label;

    PairKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the two persons were generated in one household (family). */
    public boolean sameHousehold() {
        return this != OTHER_HOUSEHOLDS;
    }

    /** The kind of two different persons of households {@code ha}, {@code hb} with relations {@code a}, {@code b}. */
    public static PairKind of(String ha, Relation a, String hb, Relation b) {
        if (!ha.equals(hb)) {
            return OTHER_HOUSEHOLDS;
        }
        if (a == Relation.TWIN && b == Relation.TWIN) {
            return TWINS;
        }
        if (a == Relation.JUNIOR && b == Relation.HEAD || a == Relation.HEAD && b == Relation.JUNIOR) {
            return JUNIOR;
        }
        if (a.isChild() && b.isChild()) {
            return SIBLINGS;
        }
        if (a.isParentGeneration() && b.isChild() || a.isChild() && b.isParentGeneration()) {
            return PARENT_CHILD;
        }
        if (a == Relation.PARENT && b.isParentGeneration() || a.isParentGeneration() && b == Relation.PARENT) {
            return PARENT_CHILD; // a parent (or parent-in-law) of the head or the spouse
        }
        if (a == Relation.HEAD && (b == Relation.SPOUSE || b == Relation.PARTNER)
                || b == Relation.HEAD && (a == Relation.SPOUSE || a == Relation.PARTNER)) {
            return SPOUSES;
        }
        return HOUSEHOLD_OTHER;
    }
}
