package de.grw.review;

/** The decisions a clerk can take on a candidate cluster, and the revert of a decision. */
public enum DecisionKind {
    MERGE, NOT_DUPLICATE, SPLIT, DEFER, REVERT
}
