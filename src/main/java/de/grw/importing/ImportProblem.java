package de.grw.importing;

/**
 * Something wrong with the input, named so that a user can find and fix it.
 *
 * @param file      the file (or source) name
 * @param line      physical line, or 0 when the problem concerns the whole file
 * @param rowNumber data row number, or 0
 * @param kind      whether the row was rejected or only a value was set aside
 * @param column    the column concerned, or {@code ""}
 * @param message   what is wrong
 * @param rawText   the row's text or the offending value, shortened to at most 1,000 characters
 */
public record ImportProblem(String file, long line, long rowNumber, Kind kind, String column, String message,
                            String rawText) {

    /** How serious a problem is. */
    public enum Kind {
        /** The row was not imported. */
        REJECTED_ROW,
        /** The row was imported, but one value could not be used (for example an impossible date). */
        INVALID_VALUE
    }

    public ImportProblem {
        column = column == null ? "" : column;
        rawText = rawText == null ? "" : rawText.length() > 1000 ? rawText.substring(0, 1000) + "..." : rawText;
    }

    /** One line for the console: {@code kunden.csv, line 17: rejected: 9 fields, but the header has 12}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (!column.isEmpty()) {
            sb.append(", column \"").append(column).append('"');
        }
        sb.append(": ").append(kind == Kind.REJECTED_ROW ? "row rejected: " : "value not used: ").append(message);
        return sb.toString();
    }
}
