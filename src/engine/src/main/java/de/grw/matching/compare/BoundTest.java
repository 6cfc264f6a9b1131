package de.grw.matching.compare;

/** A level test bound to the prepared records of one run: decides for a pair of record indexes. */
@FunctionalInterface
public interface BoundTest {
    boolean test(int a, int b);
}
