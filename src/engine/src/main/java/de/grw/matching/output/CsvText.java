package de.grw.matching.output;

/** Minimal RFC 4180 quoting for the CSV files the engine writes. */
public final class CsvText {
    private CsvText() {
    }

    /** The value quoted if it contains a comma, quote or line break. */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';') {
                needs = true;
                break;
            }
        }
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
