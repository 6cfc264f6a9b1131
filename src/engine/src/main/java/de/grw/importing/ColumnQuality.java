package de.grw.importing;

import java.util.List;

/**
 * The quality profile of one column over a sample of rows.
 *
 * @param rows            rows in the sample
 * @param filled          rows with a non-blank value
 * @param invalid         values that cannot be used for the chosen target (impossible dates, postal codes that are
 *                        not five digits, sexes that cannot be read)
 * @param invalidExamples up to three of those values
 * @param top             the three most frequent values, most frequent first
 */
public record ColumnQuality(int rows, int filled, int invalid, List<String> invalidExamples, List<ValueCount> top) {
    /** A value and how often it occurs in the sample. */
    public record ValueCount(String value, int count) {
    }

    public ColumnQuality {
        invalidExamples = List.copyOf(invalidExamples);
        top = List.copyOf(top);
    }

    /** Share of rows with a value, 0 to 1 (0 for an empty sample). */
    public double filledShare() {
        return rows == 0 ? 0 : (double) filled / rows;
    }
}
