package de.grw.importing;

/**
 * The outcome of reading a date cell.
 *
 * @param iso     the date as {@code yyyy-MM-dd} ({@code 00} for an unknown day or month), or {@code null}; for an
 *                invalid date the parts that can be trusted, the others as {@code 00}
 * @param problem why the cell is not a valid date, or {@code null}
 */
public record ParsedDate(String iso, String problem) {
    static final ParsedDate EMPTY = new ParsedDate(null, null);

    static ParsedDate valid(int year, int month, int day) {
        return new ParsedDate(String.format("%04d-%02d-%02d", year, month, day), null);
    }

    static ParsedDate partial(int year, int month, int day, String problem) {
        return new ParsedDate(String.format("%04d-%02d-%02d", year, month, day),
                problem + "; kept as " + String.format("%04d-%02d-%02d", year, month, day) + " (00 = unknown)");
    }

    static ParsedDate invalid(String problem) {
        return new ParsedDate(null, problem);
    }

    /** A complete or deliberately incomplete date without problems. */
    public boolean isValid() {
        return iso != null && problem == null;
    }

    public boolean isEmpty() {
        return iso == null && problem == null;
    }
}
