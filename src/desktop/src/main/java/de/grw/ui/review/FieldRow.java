package de.grw.ui.review;

import de.grw.review.ComparisonTable;
import de.grw.review.Equality;
import java.util.List;

/**
 * One row of the side-by-side comparison as the screens show it: the engine's row (built by
 * {@link de.grw.review.ComparisonService}) with the field's label in the user's language.
 *
 * @param label display label
 * @param row   the field across the records and the golden value
 */
public record FieldRow(String label, ComparisonTable.Row row) {

    public String field() {
        return row.field();
    }

    /** One value per record column (as shown, possibly masked). */
    public List<String> values() {
        return row.values();
    }

    /** The golden record's value as it stands (proposal or choice). */
    public String golden() {
        return row.golden();
    }

    /** Index of the record column the golden value comes from, or -1 (typed by hand, none, or masked). */
    public int originColumn() {
        return row.origin();
    }

    /** Typed by the clerk. */
    public boolean manual() {
        return row.manual();
    }

    /** Contribution in bits of the comparison this row stands for, or {@code null}. */
    public Double weight() {
        return row.weight();
    }

    /** Label of that comparison's level (e.g. "phonetic"), or {@code null}. */
    public String comparison() {
        return row.level();
    }

    public Equality equality() {
        return row.equality();
    }

    /** Whether the records disagree on this field (even after normalising). */
    public boolean differs() {
        return row.differs();
    }

    /** The records write the field differently but mean the same (e.g. "m" and "männlich"). */
    public boolean equalAfterNormalising() {
        return row.equality() == Equality.EQUAL_AFTER_NORMALISING;
    }

    /** The CSS class of the row's label: different, equal after normalising (muted), or equal. */
    public String labelStyle() {
        return switch (row.equality()) {
            case DIFFERENT -> "field-differs";
            case EQUAL_AFTER_NORMALISING -> "field-normalised";
            case EQUAL -> "field-label";
        };
    }
}
