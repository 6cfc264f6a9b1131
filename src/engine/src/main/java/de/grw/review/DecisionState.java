package de.grw.review;

/** The life of a decision. */
public enum DecisionState {
    /** A merge waiting for a supervisor's approval. */
    PENDING,
    /** In effect (approved, or a decision that needs no approval). */
    EFFECTIVE,
    /** A merge a supervisor rejected; the cluster went back to the queue. */
    REJECTED,
    /** Undone by a later REVERT decision. */
    REVERTED,
    /** A pending merge withdrawn by a revert before anyone approved it. */
    WITHDRAWN
}
