package de.grw.ui.review;

import java.util.List;

/**
 * One row of the side-by-side comparison: a field across the records of a cluster and the proposed golden value.
 *
 * @param field        field name
 * @param label        display label
 * @param values       one value per record column (as shown, possibly masked)
 * @param golden       the golden record's value as it stands (proposal or choice)
 * @param originColumn index of the record column the golden value comes from, or -1 (typed by hand, or none)
 * @param manual       typed by the clerk
 * @param weight       contribution in bits of the comparison this row stands for, or {@code null}
 * @param comparison   label of that comparison's level (e.g. "phonetic"), or {@code null}
 * @param differs      whether the records disagree on this field
 */
public record FieldRow(String field, String label, List<String> values, String golden, int originColumn,
                       boolean manual, Double weight, String comparison, boolean differs) {
}
