package de.grw.ui.importing;

import de.grw.api.ImportResult;
import de.grw.api.SignedIn;
import de.grw.importing.QualityProfiler;
import de.grw.common.UserFacingException;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.importing.SourceInput;
import de.grw.importing.db.ConnectionStore;
import de.grw.importing.db.DatabaseSource;
import de.grw.importing.read.DetectedFormat;
import de.grw.importing.read.TablePreview;
import de.grw.profile.MatchProfile;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Importing a file or a database table or query: its preview (detected format, first rows), the column mapping with
 * the automatic suggestions and the user's choices, a quality profile per column over a larger sample, mapping files
 * saved and loaded, and the import itself. Reading and importing run in the background through the task runner; the view model knows no
 * controls, so it is tested without a robot.
 */
public final class ImportViewModel {
    /** Rows shown in the preview table. */
    public static final int PREVIEW_ROWS = 20;
    /** Rows the quality profile looks at. */
    public static final int SAMPLE_ROWS = 2_000;
    /** Problems shown after an import. */
    public static final int MAX_PROBLEMS = 200;

    /**
     * The outcome of an import.
     *
     * @param result   what the import stored
     * @param problems the first {@value #MAX_PROBLEMS} problems
     */
    public record Outcome(ImportResult result, List<ImportProblem> problems) {
    }

    private final AppContext ctx;
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty sourceName = new SimpleStringProperty("");
    private final ObjectProperty<DetectedFormat> detected = new SimpleObjectProperty<>();
    private final StringProperty formatText = new SimpleStringProperty("");
    private final StringProperty sampleText = new SimpleStringProperty("");
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ObservableList<TargetOption> targetOptions = FXCollections.observableArrayList();
    private final StringProperty mappingName = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty resultText = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    /** Whose profile the screen follows: a new sign-in or workspace clears everything. */
    private SignedIn shown;
    private MatchProfile profile;
    private QualityProfiler profiler;
    private final BooleanProperty fromDatabase = new SimpleBooleanProperty(false);
    private final DatabaseForm database;
    private SourceInput input;
    private List<List<String>> sample = List.of();
    private MappingFile loadedMapping;
    private Path loadedMappingPath;
    private boolean applying;

    public ImportViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.database = new DatabaseForm(ctx.i18n(), new ConnectionStore(UserSettings.home()
                .resolve("connections.json")));
    }

    private I18n t() {
        return ctx.i18n();
    }

    /** Called when the screen is shown: follows a change of workspace (a new profile clears everything). */
    public void refresh() {
        SignedIn now = ctx.model().signedIn();
        if (now == shown) {
            return;
        }
        shown = now;
        profile = now == null ? null : now.governance().profile();
        profiler = profile == null ? null : new QualityProfiler(profile);
        targetOptions.setAll(profile == null ? List.of() : TargetOption.all(profile, t()));
        clearPreview();
    }

    private void clearPreview() {
        input = null;
        sample = List.of();
        detected.set(null);
        formatText.set("");
        sampleText.set("");
        header.clear();
        previewRows.clear();
        columns.clear();
        clearResult();
        ready.set(false);
    }

    /**
     * Reads the beginning of the file named in the path field, or of the database table or query of the form, in
     * the background and suggests a mapping.
     */
    public void loadPreview() {
        if (busy.get()) {
            return;
        }
        refresh();
        if (profile == null) {
            message.set(t().get("import.signInFirst"));
            return;
        }
        SourceInput target;
        if (fromDatabase.get()) {
            try {
                DatabaseSource db = database.source();
                target = SourceInput.database(db, db.defaultSourceName() != null ? db.defaultSourceName()
                        : t().get("db.queryName"));
            } catch (UserFacingException e) {
                message.set(Errors.message(e, t()));
                return;
            }
        } else {
            String text = path.get() == null ? "" : path.get().strip();
            if (text.isEmpty()) {
                message.set(t().get("import.choosePath"));
                return;
            }
            target = SourceInput.file(Path.of(text));
        }
        clearPreview();
        message.set(t().get("import.reading", ImportTexts.label(target, t())));
        background(t().get("import.previewTask"), new PreviewJob(target, loadedMapping, loadedMappingPath, profile,
                t(), SAMPLE_ROWS), this::show, loaded -> message.set(t().get("import.cancelled")));
    }

    /** Lists the database's tables for the table choice, in the background. */
    public void listTables() {
        if (busy.get()) {
            return;
        }
        message.set(t().get("db.listing"));
        background(t().get("db.listTask"), (progress, cancel) -> database.readTables(), found -> {
            database.tables().setAll(found);
            message.set(t().get("db.tablesFound", found.size()));
        }, found -> message.set(t().get("import.cancelled")));
    }

    /** Saves the form's connection (never its password) for reuse here and with the command line's --connection. */
    public void saveConnection() {
        try {
            message.set(t().get("db.savedAs", database.save()));
        } catch (UserFacingException e) {
            message.set(Errors.message(e, t()));
        }
    }

    /** Fills the form from a saved connection; the password is typed again. */
    public void useConnection(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            database.use(name);
            message.set(t().get("db.using", name));
        } catch (UserFacingException e) {
            message.set(Errors.message(e, t()));
        }
    }

    private void show(PreviewJob.Loaded loaded) {
        clearResult();
        input = loaded.input();
        sample = loaded.sample();
        TablePreview preview = loaded.preview();
        detected.set(preview.format());
        formatText.set(ImportTexts.describe(preview.format(), t()));
        int shown = Math.min(PREVIEW_ROWS, sample.size());
        sampleText.set(t().get(preview.more() ? "import.sampleMore" : "import.sample", shown, sample.size(),
                preview.rejected().size()));
        header.setAll(preview.header());
        previewRows.setAll(sample.subList(0, shown));
        sourceName.set(input.name());
        List<ColumnRow> rows = new ArrayList<>();
        ColumnMapping m = loaded.mapping();
        for (int i = 0; i < m.columns().size(); i++) {
            ColumnRow row = new ColumnRow(i, m.columns().get(i), option(TargetOption.code(m.targets().get(i))),
                    Reasons.localise(m.reasons().get(i), profile, t()), loaded.quality().get(i));
            row.targetProperty().addListener((o, was, now) -> targetChanged(row));
            rows.add(row);
        }
        columns.setAll(rows);
        ready.set(!rows.isEmpty());
        StringBuilder text = new StringBuilder(loaded.missingColumns() > 0
                ? t().get("import.mappingMissing", loaded.missingColumns())
                : t().get("import.previewDone", ImportTexts.label(input, t())));
        // what the reader did (the sheet it chose, a repeated column name, nested JSON), before anything is imported
        for (var notice : preview.notices()) {
            text.append('\n').append(t().get("import.problem.noticeFile", notice.in(t().locale())));
        }
        message.set(text.toString());
    }

    private TargetOption option(String code) {
        TargetOption o = TargetOption.find(targetOptions, code);
        return o != null ? o : TargetOption.find(targetOptions, TargetOption.EXTRA);
    }

    private void targetChanged(ColumnRow row) {
        if (!applying) {
            row.reasonProperty().set(t().get("reason.manual"));
        }
        requalify(row);
        clearResult();
    }

    /** Recomputes one column's profile for its new target (a few thousand values: fast enough for the FX thread). */
    private void requalify(ColumnRow row) {
        if (profiler != null) {
            row.qualityProperty().set(profiler.profile(sample, row.index(),
                    row.target() == null ? TargetOption.EXTRA : row.target().code()));
        }
    }

    /** Sets a column's target by its mapping-file code, as a user choosing it in the list would. */
    public void choose(String column, String code) {
        ColumnRow row = column(column);
        TargetOption o = TargetOption.find(targetOptions, code);
        if (row == null || o == null) {
            throw new IllegalArgumentException("no column '" + column + "' or no target '" + code + "'");
        }
        row.targetProperty().set(o);
    }

    /** The row of a column, or {@code null}. */
    public ColumnRow column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The mapping file that reproduces the current choices exactly (every column named). */
    public MappingFile mappingFile() {
        String source = input == null ? "" : input.name();
        return MappingFiles.of(columns, MappingFiles.ReadSettings.of(loadedMapping, source));
    }

    /**
     * Saves the current choices as a mapping file for reuse (here or with the command line's --mapping). The choices
     * are taken now; the file is written in the background and the message says how it went.
     */
    public void saveMapping(Path target) {
        if (columns.isEmpty()) {
            message.set(t().get("import.nothingToSave"));
            return;
        }
        MappingFile file = mappingFile();
        ctx.tasks().call(t().get("import.saveMapping"), () -> {
            file.write(target);
            return Boolean.TRUE;
        }, ok -> message.set(t().get("import.mappingSaved", target.getFileName())),
                error -> message.set(t().get("import.mappingNotSaved", target.getFileName(),
                        Errors.message(error, t()))));
    }

    /**
     * Loads a mapping file and applies it: to the file shown now and to every file previewed afterwards. If it fixes
     * the encoding, delimiter or sheet, the file is read again with them.
     */
    public void loadMapping(Path mappingPath) {
        ctx.tasks().call(t().get("import.loadMapping"), () -> MappingFile.load(mappingPath),
                loaded -> applyMapping(loaded, mappingPath), error -> message.set(Errors.message(error, t())));
    }

    /** Applies a mapping file read in the background (on the FX thread). */
    private boolean applyMapping(MappingFile loaded, Path mappingPath) {
        loadedMapping = loaded;
        loadedMappingPath = mappingPath;
        mappingName.set(mappingPath.getFileName().toString());
        message.set(t().get("import.mappingLoaded", mappingPath.getFileName()));
        if (input == null || profile == null) {
            return true;
        }
        String source = input.name();
        if (input instanceof SourceInput.File && !MappingFiles.ReadSettings.of(loaded, source).isEmpty()) {
            loadPreview();
            return true;
        }
        List<String> warnings = new ArrayList<>();
        ColumnMapping applied;
        try {
            applied = MappingFiles.apply(columns, loaded, source, profile, mappingPath, warnings);
        } catch (RuntimeException e) {
            message.set(Errors.message(e, t()));
            return false;
        }
        applying = true;
        try {
            for (ColumnRow row : columns) {
                if (!applied.reasons().get(row.index()).isEmpty()) {
                    row.targetProperty().set(option(TargetOption.code(applied.targets().get(row.index()))));
                    row.reasonProperty().set(t().get("reason.mappingFile"));
                }
            }
        } finally {
            applying = false;
        }
        if (!warnings.isEmpty()) {
            message.set(t().get("import.mappingMissing", warnings.size()));
        }
        return true;
    }

    /** Imports the previewed file or database source with the chosen mapping, in the background; then the result. */
    public void runImport() {
        if (busy.get()) {
            return;
        }
        SignedIn signedIn = ctx.model().signedIn();
        if (input == null || columns.isEmpty()) {
            message.set(t().get("import.previewFirst"));
            return;
        }
        if (signedIn == null) {
            message.set(t().get("import.signInFirst"));
            return;
        }
        String name = sourceName.get() == null ? "" : sourceName.get().strip();
        if (name.isEmpty()) {
            message.set(t().get("import.nameMissing"));
            return;
        }
        MappingFile mapping = mappingFile();
        SourceInput target = input instanceof SourceInput.File f ? SourceInput.file(f.path(), name)
                : SourceInput.database(((SourceInput.Database) input).source(), name);
        Path mappingPath = loadedMappingPath;
        var imports = signedIn.imports();
        clearResult();
        message.set(t().get("import.importing", ImportTexts.label(target, t())));
        background(t().get("import.importTask", name), (progress, cancel) -> {
            ImportResult r = imports.importSource(target, mapping, mappingPath, progress, cancel);
            return new Outcome(r, imports.problems(r.sourceId(), MAX_PROBLEMS));
        }, this::imported, o -> {
            imported(o);
            message.set(t().get("import.cancelTooLate"));
        });
    }

    private void imported(Outcome o) {
        outcome.set(o);
        var s = o.result().imported();
        resultText.set(t().get("import.result", o.result().source(), s.recordsImported(), s.rowsRejected(),
                s.invalidValues()));
        long total = s.rowsRejected() + s.invalidValues();
        problems.setAll(o.problems().stream().map(p -> ImportTexts.problem(p, t())).toList());
        message.set(total > o.problems().size() ? t().get("import.problemsShown", o.problems().size(), total) : "");
    }

    private void clearResult() {
        outcome.set(null);
        resultText.set("");
        problems.clear();
    }

    /** Stops the running preview or import; the engine notices at its next check. */
    public void cancel() {
        if (busy.get()) {
            message.set(t().get("import.cancelling"));
            ctx.tasks().cancel();
        }
    }

    /**
     * Runs a job in the background. {@code tooLate} receives the result of a job that completed although it was
     * cancelled (an import stored all the same); a job that stopped leaves nothing behind.
     */
    private <T> void background(String title, TaskRunner.Job<T> job, Consumer<T> done, Consumer<T> tooLate) {
        busy.set(true);
        ctx.tasks().run(title, job, value -> {
            busy.set(false);
            done.accept(value);
        }, error -> {
            busy.set(false);
            message.set(Errors.message(error, t()));
            if (!(error instanceof UserFacingException) && !(error.getCause() instanceof UserFacingException)) {
                ctx.errors().accept(error);
            }
        }, value -> {
            busy.set(false);
            if (value == null) {
                message.set(t().get("import.cancelled"));
            } else {
                tooLate.accept(value);
            }
        });
    }

    /** True: the source is a database table or query (the {@link #database()} form); false: a file. */
    public BooleanProperty fromDatabaseProperty() {
        return fromDatabase;
    }

    public DatabaseForm database() {
        return database;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public ObjectProperty<DetectedFormat> detectedProperty() {
        return detected;
    }

    /** The detected format in words, e.g. "CSV-Text · Zeichensatz windows-1252 · Trennzeichen Semikolon (;)". */
    public StringProperty formatTextProperty() {
        return formatText;
    }

    /** How many rows the preview and the quality profile cover. */
    public StringProperty sampleTextProperty() {
        return sampleText;
    }

    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    public ObservableList<TargetOption> targetOptions() {
        return targetOptions;
    }

    /** The name of the loaded mapping file, or empty. */
    public StringProperty mappingNameProperty() {
        return mappingName;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty resultTextProperty() {
        return resultText;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** True while this screen's preview or import runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True when a file is previewed and can be imported. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }
}
