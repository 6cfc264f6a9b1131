package de.grw.synthetic;

import java.util.List;
import java.util.Map;

/** A household model: produces the population one household at a time. */
interface Households {
    /** Replaces the content of {@code out} with the members of a new household (and, maybe, relatives living elsewhere). */
    void next(List<Person> out);

    /** Persons generated so far. */
    long personsCreated();

    /** Households generated so far. */
    long households();

    /** Counts of the population's features for the report (twin pairs, juniors, ...), in a fixed order. */
    Map<String, Long> counts();
}
