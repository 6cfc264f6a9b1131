package de.grw.ui.importing;

import de.grw.importing.ImportProblem;
import de.grw.importing.SourceInput;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.read.DetectedFormat;
import de.grw.importing.read.TableFormat;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the import reports, in the user's words: the detected format, the problems. */
final class ImportTexts {
    private static final Pattern TABLE = Pattern.compile("(\\S+) table (.+)");
    private static final Pattern QUERY = Pattern.compile("(\\S+) query");

    private ImportTexts() {
    }

    static String describe(DetectedFormat f, I18n t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("format." + f.format().name()));
        if (f.format() == TableFormat.DATABASE && f.origin() != null) {
            parts.add(origin(f.origin(), t));
        }
        if (f.encoding() != null) {
            parts.add(t.get(f.byteOrderMark() ? "import.encodingBom" : "import.encoding", f.encoding().name()));
        }
        if (f.delimiter() != 0) {
            parts.add(t.get("import.delimiter", delimiter(f.delimiter(), t)));
        }
        return String.join(" · ", parts);
    }

    /** A file by its name, a database by its URL (without password) and table. */
    static String label(SourceInput in, I18n t) {
        if (in instanceof SourceInput.File f) {
            return String.valueOf(f.path().getFileName());
        }
        DatabaseSource db = ((SourceInput.Database) in).source();
        return db.table() != null ? t.get("db.labelTable", db.safeUrl(), db.table()) : t.get("db.labelQuery",
                db.safeUrl());
    }

    /** The engine's "PostgreSQL table public.personen" / "SQLite query" in the user's language. */
    static String origin(String origin, I18n t) {
        Matcher table = TABLE.matcher(origin);
        if (table.matches()) {
            return t.get("import.dbTable", table.group(1), table.group(2));
        }
        Matcher query = QUERY.matcher(origin);
        return query.matches() ? t.get("import.dbQuery", query.group(1)) : origin;
    }

    static String delimiter(char d, I18n t) {
        return switch (d) {
            case ';' -> t.get("delimiter.semicolon");
            case ',' -> t.get("delimiter.comma");
            case '\t' -> t.get("delimiter.tab");
            case '|' -> t.get("delimiter.pipe");
            default -> t.get("delimiter.other", String.valueOf(d));
        };
    }

    /** One line for the problem list, in the desktop's language. */
    static String problem(ImportProblem p, I18n t) {
        String why = p.text().in(t.locale());
        return switch (p.kind()) {
            case REJECTED_ROW -> t.get("import.problem.rejected", p.line(), why);
            case INVALID_VALUE -> t.get("import.problem.invalid", p.line(), p.column(), why);
            case NOTICE -> p.line() > 0 ? t.get("import.problem.notice", p.line(), why)
                    : t.get("import.problem.noticeFile", why);
        };
    }
}
