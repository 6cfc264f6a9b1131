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
}
