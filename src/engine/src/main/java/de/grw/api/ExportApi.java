package de.grw.api;

import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;

/**
 * Exports of the approved golden records with their lineage, members and the journal. Every export is logged in
 * the access log and the journal before anything is written; golden records under a blocking notice are left out
 * unless included with the right to and a case reference. Off the FX thread.
 */
public interface ExportApi {

    /** Writes the export set into a directory, as a whole (a failed export leaves the previous set). */
    ExportResult toFiles(ExportOptions options);

    /** Writes the golden records, lineage and members into database tables, in one transaction. */
    DatabaseExportResult toDatabase(DatabaseExport target);

    /**
     * Writes the workspace's must-links (approved merges) and cannot-links (not-duplicate and split decisions) to a
     * constraints file ({@link de.grw.workspace.MatchConstraints}) for a match run elsewhere (the Spark job). Needs
     * the right to run a match; logged in the access log with the records the file names, and a journal entry
     * ({@code constraints.exported}: counts, case reference, where it went). On a workspace file and through the
     * server ({@code POST /api/v1/constraint-exports}) alike; the file is written atomically.
     *
     * @param caseRef the case reference the export is logged under; required (refused when blank), checked as
     *                every case reference is ({@link de.grw.common.CaseReference#check})
     */
    default ConstraintsExport constraints(java.nio.file.Path out, String caseRef) {
        return constraints(out, caseRef, ConstraintsTarget.FILE);
    }

    /**
     * As {@link #constraints(java.nio.file.Path, String)}, with where the file goes as the journal records it (a
     * stated purpose; a server adds its client's address).
     */
    ConstraintsExport constraints(java.nio.file.Path out, String caseRef, ConstraintsTarget target);
}
