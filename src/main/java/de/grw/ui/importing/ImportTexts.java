package de.grw.ui.importing;

import de.grw.importing.ImportProblem;
import de.grw.importing.read.DetectedFormat;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;

/** What the import reports, in the user's words: the detected format, the problems. */
final class ImportTexts {
    private ImportTexts() {
    }

    static String describe(DetectedFormat f, I18n t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.get("format." + f.format().name()));
        if (f.encoding() != null) {
            parts.add(t.get(f.byteOrderMark() ? "import.encodingBom" : "import.encoding", f.encoding().name()));
        }
        if (f.delimiter() != 0) {
            parts.add(t.get("import.delimiter", delimiter(f.delimiter(), t)));
        }
        return String.join(" · ", parts);
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

    /** One line for the problem list; the engine's own description of the problem stays as it is. */
    static String problem(ImportProblem p, I18n t) {
        return p.kind() == ImportProblem.Kind.REJECTED_ROW ? t.get("import.problem.rejected", p.line(), p.message())
                : t.get("import.problem.invalid", p.line(), p.column(), p.message());
    }
}
