package de.grw.ui.export;

import de.grw.export.ExportFormat;
import de.grw.export.ExportOptions;
import de.grw.export.ExportResult;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.rights.Permission;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Export of the approved golden records: format, target, progress, and where the files went. */
public final class ExportViewModel {
    private final AppContext ctx;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final BooleanProperty excel = new SimpleBooleanProperty(true);
    private final BooleanProperty includeBlocked = new SimpleBooleanProperty(false);
    private final StringProperty caseRef = new SimpleStringProperty("");
    private final StringProperty directory = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    public ExportViewModel(AppContext ctx) {
        this.ctx = ctx;
        String last = ctx.settings().lastDirectory;
        directory.set(last == null || last.isBlank() ? Path.of(System.getProperty("user.home"), "grw-export")
                .toString() : Path.of(last, "export").toString());
    }

    public boolean mayIncludeBlocked() {
        return ctx.model().signedIn() != null && ctx.model().signedIn().may(Permission.EXPORT_BLOCKED);
    }

    /** Starts the export in the background; {@code done} runs on success. */
    public void export(Runnable done) {
        if (directory.get() == null || directory.get().isBlank()) {
            summary.set(ctx.i18n().get("export.noTarget"));
            return;
        }
        ExportOptions options;
        try {
            options = new ExportOptions(format.get(), format.get() == ExportFormat.CSV && excel.get(),
                    includeBlocked.get(), caseRef.get(), Path.of(directory.get().trim()));
        } catch (RuntimeException e) {
            summary.set(Errors.message(e, ctx.i18n()));
            return;
        }
        var signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        var export = signedIn.export();
        running.set(true);
        files.clear();
        summary.set("");
        ctx.tasks().run(ctx.i18n().get("export.title"), (progress, cancel) -> {
            progress.progress("export", 0, 1);
            ExportResult r = export.toFiles(options);
            progress.progress("export", 1, 1);
            return r;
        }, r -> {
            running.set(false);
            r.files().forEach(f -> files.add(f.toAbsolutePath().toString()));
            summary.set(ctx.i18n().get("export.done", r.goldenRecords(), r.records(), r.blockedLeftOut(),
                    r.journalEntries(), r.journalHead()));
            done.run();
        }, error -> {
            running.set(false);
            summary.set(Errors.message(error, ctx.i18n()));
        });
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public BooleanProperty excelProperty() {
        return excel;
    }

    public BooleanProperty includeBlockedProperty() {
        return includeBlocked;
    }

    public StringProperty caseRefProperty() {
        return caseRef;
    }

    public StringProperty directoryProperty() {
        return directory;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<String> files() {
        return files;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
