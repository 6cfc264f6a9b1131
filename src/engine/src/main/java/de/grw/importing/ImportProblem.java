package de.grw.importing;

import de.grw.common.Text;

/**
 * Something wrong with the input, named so that a user can find and fix it.
 *
 * @param file      the file (or source) name
 * @param line      physical line, or 0 when the problem concerns the whole file
 * @param rowNumber data row number, or 0
 * @param kind      whether the row was rejected or only a value was set aside
 * @param column    the column concerned, or {@code ""}
 * @param message   what is wrong, in English (the command line's and the reject file's language)
 * @param rawText   the row's text or the offending value, shortened to at most 1,000 characters
 * @param text      what is wrong, by key, for showing it in the user's language
 */
public record ImportProblem(String file, long line, long rowNumber, Kind kind, String column, String message,
                            String rawText, Text text) {

    /** How serious a problem is. */
    public enum Kind {
        /** The row was not imported. */
        REJECTED_ROW,
        /** The row was imported, but one value could not be used (for example an impossible date). */
        INVALID_VALUE,
        /**
         * Nothing was rejected, but the reader did something to the file's content that the user must know about:
         * chose one sheet among several, filled merged cells down, renamed a repeated column name, flattened nested
         * JSON, skipped title lines above a sheet's header.
         */
        NOTICE
    }

    /** A problem worded in English only. */
    public ImportProblem(String file, long line, long rowNumber, Kind kind, String column, String message,
                         String rawText) {
        this(file, line, rowNumber, kind, column, message, rawText, null);
    }

    /** A problem worded by key; its English form is the message. */
    public ImportProblem(String file, long line, long rowNumber, Kind kind, String column, Text text,
                         String rawText) {
        this(file, line, rowNumber, kind, column, text.english(), rawText, text);
    }

    public ImportProblem {
        text = text == null ? Text.of("import.as_is", message) : text;
        column = column == null ? "" : column;
        rawText = rawText == null ? "" : rawText.length() > 1000 ? rawText.substring(0, 1000) + "..." : rawText;
    }

    /** One line for the console: {@code kunden.csv, line 17: rejected: 9 fields, but the header has 12}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(where());
        sb.append(": ").append(switch (kind) {
            case REJECTED_ROW -> "row rejected: ";
            case INVALID_VALUE -> "value not used: ";
            case NOTICE -> "note: ";
        }).append(message);
        return sb.toString();
    }

    /** Where the problem is: {@code kunden.csv, line 17, column "PLZ"} (line and column where known). */
    public String where() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (!column.isEmpty()) {
            sb.append(", column \"").append(column).append('"');
        }
        return sb.toString();
    }
}
