package de.grw.workspace;

/** Where a candidate cluster stands in review. */
public enum ClusterStatus {
    /** In the queue, waiting for a clerk. */
    OPEN,
    /** Put back by a clerk; still in the queue, after the open ones. */
    DEFERRED,
    /** A merge was proposed and waits for a supervisor. */
    AWAITING_APPROVAL,
    /** Merged into a golden record. */
    MERGED,
    /** Decided: the records are not duplicates. */
    NOT_DUPLICATE,
    /** Split into smaller clusters. */
    SPLIT,
    /** A later match run no longer proposes this exact cluster. */
    SUPERSEDED
}
