package de.grw.matching.compare;

import de.grw.matching.data.PreparedRecords;
import java.io.Serializable;
import java.util.Set;

/**
 * One named agreement test of a comparison level (e.g. {@code exact}, {@code phonetic}, {@code jaro_winkler}).
 * A test is a pure, serialisable description; {@link #bind} attaches it to the prepared data of a run.
 */
public interface LevelTest extends Serializable {
    /** Registered name of the test. */
    String name();

    /** Fields the test reads. */
    Set<String> fields();

    BoundTest bind(PreparedRecords records);

    /**
     * How costly the test is for a pair, roughly: 0 compares value ids, 1 reads a string or two once, 2 (the default)
     * more, 3 a similarity measure. Nested tests ({@code and}, {@code or}) run their cheapest first; as tests have no
     * effects, the order changes no result.
     */
    default int cost() {
        return 2;
    }
}
