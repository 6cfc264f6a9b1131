package de.grw.matching.cluster;

/** Decides whether two records must never share a cluster (a contradiction or a clerk's cannot-link). */
@FunctionalInterface
public interface PairConstraint {
    PairConstraint NONE = (a, b) -> false;

    boolean cannotLink(int a, int b);

    default PairConstraint or(PairConstraint other) {
        return (a, b) -> cannotLink(a, b) || other.cannotLink(a, b);
    }
}
