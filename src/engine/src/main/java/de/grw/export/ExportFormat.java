package de.grw.export;

import java.util.Locale;

/** File format of an export's data files (the journal is always JSON Lines). */
public enum ExportFormat {
    /** RFC 4180 CSV, UTF-8, comma-separated; or, Excel-friendly, with a byte order mark and semicolons. */
    CSV("csv"),
    /** JSON Lines: one JSON object per line, UTF-8. */
    JSONL("jsonl");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Parses {@code csv} or {@code jsonl} (any case). */
    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + text + "' (csv, jsonl)");
    }
}
