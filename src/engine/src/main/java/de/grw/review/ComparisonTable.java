package de.grw.review;

import java.util.List;

/**
 * What a clerk or a supervisor sees side by side: records as columns, fields as rows, and the golden record.
 *
 * @param members     the records shown, one column each
 * @param rows        the fields with a value in some record or in the golden record, in profile order
 * @param emptyFields the fields without a value anywhere (left out of the rows)
 * @param masked      names and addresses are masked for this viewer (a record is under a blocking notice)
 */
public record ComparisonTable(List<MemberRecord> members, List<Row> rows, List<String> emptyFields,
                              boolean masked) {
    public ComparisonTable {
        members = List.copyOf(members);
        rows = List.copyOf(rows);
        emptyFields = List.copyOf(emptyFields);
    }

    /** The row of a field, if it is shown. */
    public java.util.Optional<Row> row(String field) {
        return rows.stream().filter(r -> r.field().equals(field)).findFirst();
    }

    /**
     * One field across the records.
     *
     * @param field        the profile field
     * @param values       one value per record column, as shown ({@code null} if absent, {@link RecordLoader#MASK}
     *                     if masked)
     * @param golden       the golden value as it stands (proposal, choice or stored value), masked like the values
     * @param origin       index of the record column the golden value comes from, or -1: typed by a clerk, no value,
     *                     or not told because the row is masked
     * @param manual       the golden value was typed by a clerk
     * @param masked       the row's values are masked for this viewer
     * @param equality     how the records agree on the field
     * @param level        the level of the comparison this field leads in the strongest pair (e.g. {@code phonetic}),
     *                     or {@code null}
     * @param weight       that comparison's contribution to the pair's match weight, in bits, or {@code null}
     */
    public record Row(String field, List<String> values, String golden, int origin, boolean manual, boolean masked,
                      Equality equality, String level, Double weight) {
        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        /** Whether the records disagree on the field even after normalising. */
        public boolean differs() {
            return equality == Equality.DIFFERENT;
        }
    }
}
