package de.grw.api.local;

import de.grw.api.DatabaseExport;
import de.grw.api.DatabaseExportResult;
import de.grw.api.ExportApi;
import de.grw.export.DatabaseExporter;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.export.GoldenExporter;
import de.grw.store.Workspace;

/** Exports through the engine's {@link GoldenExporter} and {@link DatabaseExporter}. */
final class LocalExport implements ExportApi {
    private final LocalSignedIn signedIn;
    private final Workspace workspace;

    LocalExport(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.workspace = workspace;
    }

    @Override
    public ExportResult toFiles(ExportOptions options) {
        return new GoldenExporter(workspace).export(signedIn.session(), options);
    }

    @Override
    public DatabaseExportResult toDatabase(DatabaseExport t) {
        var session = signedIn.session();
        DatabaseExporter.Target target = new DatabaseExporter.Target(t.url(), t.user(), t.password(), t.table(),
                t.lineageTable(), t.membersTable(), t.append() ? DatabaseExporter.Mode.APPEND
                : DatabaseExporter.Mode.CREATE, t.includeBlocked(), t.caseRef());
        DatabaseExporter.Result r = new DatabaseExporter(workspace).export(session, target);
        return new DatabaseExportResult(r.goldenRecords(), r.records(), r.blockedLeftOut(), r.blockedIncluded(),
                r.tables(), r.rows());
    }

    @Override
    public de.grw.api.ConstraintsExport constraints(java.nio.file.Path out, String caseRef,
                                                    de.grw.api.ConstraintsTarget target) {
        de.grw.api.ConstraintsTarget t = target == null ? de.grw.api.ConstraintsTarget.FILE : target;
        var s = new de.grw.workspace.ConstraintsExporter(workspace).export(signedIn.session(), out, caseRef,
                new de.grw.workspace.ConstraintsExporter.Target(t.client(), t.purpose()));
        return new de.grw.api.ConstraintsExport(s.mustLinkGroups(), s.mustLinkRecords(), s.cannotLinks());
    }
}
