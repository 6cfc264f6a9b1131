package de.grw.ui.importing;

import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.rights.Permission;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The import screen: a file or a database table or query, its preview with the detected format, the column mapping
 * with a quality profile per column, mapping files, and the import with its result and problems.
 */
public final class ImportScreen extends ViewModelScreen<ImportViewModel> {
    private File lastDirectory;
    private final ProposalsViewModel proposals;

    public ImportScreen(AppContext ctx) {
        super(ctx, new ImportViewModel(ctx), "nav.import", Permission.IMPORT);
        this.proposals = new ProposalsViewModel(ctx);
    }

    /** The import of a Spark job's proposal bundle, the screen's third kind of input. */
    public ProposalsViewModel proposals() {
        return proposals;
    }

    @Override
    public void activated() {
        vm.refresh();
        proposals.refresh();
    }

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        Label heading = new Label(t.get("import.heading"));
        heading.getStyleClass().add("title-3");
        ToggleGroup kind = new ToggleGroup();
        RadioButton fromFile = new RadioButton(t.get("import.fromFile"));
        fromFile.setToggleGroup(kind);
        fromFile.setSelected(true);
        RadioButton fromDatabase = new RadioButton(t.get("import.fromDatabase"));
        fromDatabase.setId("import-database");
        fromDatabase.setToggleGroup(kind);
        fromDatabase.setSelected(vm.fromDatabaseProperty().get());
        fromDatabase.selectedProperty().addListener((o, was, now) -> vm.fromDatabaseProperty().set(now));
        RadioButton fromBundle = new RadioButton(t.get("import.fromBundle"));
        fromBundle.setId("import-bundle");
        fromBundle.setToggleGroup(kind);
        fromBundle.setSelected(proposals.chosenProperty().get());
        fromBundle.selectedProperty().addListener((o, was, now) -> proposals.chosenProperty().set(now));
        // heading and the three kinds of input wrap onto a second line in a narrow window instead of being cut
        javafx.scene.layout.FlowPane kindRow = new javafx.scene.layout.FlowPane(16, 6, heading, fromFile, fromDatabase,
                fromBundle);
        kindRow.setAlignment(Pos.CENTER_LEFT);

        TextField path = new TextField();
        path.setId("import-path");
        path.setPromptText(t.get("import.pathPrompt"));
        path.textProperty().bindBidirectional(vm.pathProperty());
        path.setOnAction(e -> vm.loadPreview());
        de.grw.ui.common.Fit.prompt(path);
        path.setTooltip(new javafx.scene.control.Tooltip(t.get("import.pathFormats")));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = button(t.get("import.browse"), "import-browse");
        browse.setOnAction(e -> browse());
        Button load = button(t.get("import.load"), "import-load");
        load.setOnAction(e -> vm.loadPreview());
        load.disableProperty().bind(vm.busyProperty());
        HBox fileRow = new HBox(8, fixed(new Label(t.get("import.file"))), path, browse, load);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.visibleProperty().bind(vm.fromDatabaseProperty().not().and(proposals.chosenProperty().not()));
        fileRow.managedProperty().bind(fileRow.visibleProperty());
        Node databaseRow = DatabasePane.build(vm, t);
        databaseRow.visibleProperty().bind(vm.fromDatabaseProperty());
        databaseRow.managedProperty().bind(databaseRow.visibleProperty());

        Label format = new Label();
        format.setId("import-format");
        format.getStyleClass().add("text-bold");
        format.textProperty().bind(vm.formatTextProperty());
        Label sample = new Label();
        sample.setId("import-sample");
        sample.getStyleClass().add("text-muted");
        sample.textProperty().bind(vm.sampleTextProperty());
        // the detected format and the preview's extent wrap in a narrow window instead of being cut
        format.setWrapText(true);
        sample.setWrapText(true);
        javafx.scene.layout.VBox formatRow = new javafx.scene.layout.VBox(2, format, sample);

        TableView<List<String>> preview = new TableView<>(vm.previewRows());
        preview.setId("import-preview");
        preview.setPlaceholder(new Label(t.get("import.noPreview")));
        vm.header().addListener((ListChangeListener<String>) c -> previewColumns(preview));

        Label mappingTitle = new Label(t.get("import.mapping"));
        mappingTitle.getStyleClass().add("text-bold");
        Label mappingName = new Label();
        mappingName.setId("import-mapping-name");
        mappingName.getStyleClass().add("text-muted");
        mappingName.textProperty().bind(Bindings.createStringBinding(() -> vm.mappingNameProperty().get().isEmpty()
                ? "" : t.get("import.mappingUsed", vm.mappingNameProperty().get()), vm.mappingNameProperty()));
        Button loadMapping = button(t.get("import.loadMapping"), "import-mapping-load");
        loadMapping.setOnAction(e -> {
            File f = chooser(t.get("import.loadMapping"), json(t)).showOpenDialog(window());
            if (f != null) {
                lastDirectory = f.getParentFile();
                vm.loadMapping(f.toPath());
            }
        });
        Button saveMapping = button(t.get("import.saveMapping"), "import-mapping-save");
        saveMapping.disableProperty().bind(vm.readyProperty().not());
        saveMapping.setOnAction(e -> {
            FileChooser c = chooser(t.get("import.saveMapping"), json(t));
            c.setInitialFileName(t.get("import.mappingFileName", vm.sourceNameProperty().get()));
            File f = c.showSaveDialog(window());
            if (f != null) {
                lastDirectory = f.getParentFile();
                vm.saveMapping(f.toPath());
            }
        });
        HBox mappingRow = new HBox(8, mappingTitle, mappingName, spacer(), loadMapping, saveMapping);
        mappingRow.setAlignment(Pos.CENTER_LEFT);
        TableView<ColumnRow> mapping = MappingTable.build(vm, t);
        VBox.setVgrow(mapping, Priority.ALWAYS);
        VBox mappingBox = new VBox(6, mappingRow, mapping);
        SplitPane split = new SplitPane(preview, mappingBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        VBox.setVgrow(split, Priority.ALWAYS);

        TextField source = new TextField();
        source.setId("import-source");
        source.setPrefColumnCount(18);
        source.textProperty().bindBidirectional(vm.sourceNameProperty());
        new de.grw.ui.common.Validation().required(source, t.get("import.nameMissing"), () -> true);
        Button run = button(t.get("import.run"), "import-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.runImport());
        run.disableProperty().bind(vm.readyProperty().not().or(vm.busyProperty())
                .or(ctx.tasks().runningProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("import-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(ctx.tasks().progressProperty());
        Button cancel = button(t.get("action.cancel"), "import-cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox runRow = new HBox(8, fixed(new Label(t.get("import.sourceName"))), source, run, progress, cancel);
        runRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("import-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // notes about the file take several lines; never cut them off
        message.textProperty().bind(vm.messageProperty());
        Label result = new Label();
        result.setId("import-result");
        result.setWrapText(true);
        result.getStyleClass().add("text-bold");
        result.textProperty().bind(vm.resultTextProperty());
        Button toMatch = button(t.get("import.toMatch"), "import-to-match");
        toMatch.setOnAction(e -> ctx.navigate().accept("nav.match"));
        HBox resultRow = new HBox(12, result, spacer(), toMatch);
        resultRow.setAlignment(Pos.CENTER_LEFT);
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("import-problems");
        problems.setPrefHeight(110);
        problems.setPlaceholder(new Label(t.get("import.noProblems")));
        VBox resultBox = new VBox(6, resultRow, problems);
        resultBox.managedProperty().bind(resultBox.visibleProperty());

        resultBox.visibleProperty().bind(vm.outcomeProperty().isNotNull().and(proposals.chosenProperty().not()));
        VBox sourceParts = new VBox(10, formatRow, split, runRow, message);
        VBox.setVgrow(sourceParts, Priority.ALWAYS);
        Node bundlePart = ProposalsPane.build(proposals, ctx, this::window);
        // a source's preview and mapping, or the bundle's folder: one of the two
        sourceParts.visibleProperty().bind(proposals.chosenProperty().not());
        bundlePart.visibleProperty().bind(proposals.chosenProperty());
        for (Node n : List.of(sourceParts, bundlePart)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        VBox root = new VBox(10, kindRow, fileRow, databaseRow, sourceParts, bundlePart, resultBox);
        root.setPadding(new Insets(4));
        return root;
    }

    private void previewColumns(TableView<List<String>> table) {
        table.getColumns().clear();
        List<String> names = vm.header();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>(names.get(i));
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().size()
                    ? cell.getValue().get(index) : ""));
            c.setPrefWidth(130);
            c.setSortable(false);
            table.getColumns().add(c);
        }
    }

    private void browse() {
        I18n t = ctx.i18n();
        FileChooser c = chooser(t.get("import.browse"), new FileChooser.ExtensionFilter(t.get("import.filesAll"),
                "*.csv", "*.txt", "*.tsv", "*.json", "*.jsonl", "*.xlsx", "*.xls"));
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(t.get("import.filesCsv"), "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter(t.get("import.filesJson"), "*.json", "*.jsonl"),
                new FileChooser.ExtensionFilter(t.get("import.filesExcel"), "*.xlsx", "*.xls"));
        File f = c.showOpenDialog(window());
        if (f != null) {
            lastDirectory = f.getParentFile();
            vm.pathProperty().set(f.getAbsolutePath());
            vm.loadPreview();
        }
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(filter);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            c.setInitialDirectory(lastDirectory);
        }
        return c;
    }

    private static FileChooser.ExtensionFilter json(I18n t) {
        return new FileChooser.ExtensionFilter(t.get("import.filesMapping"), "*.json");
    }

    private javafx.stage.Window window() {
        return view().getScene() == null ? null : view().getScene().getWindow();
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Control.USE_PREF_SIZE);
        return b;
    }

    private static Label fixed(Label l) {
        l.setMinWidth(Control.USE_PREF_SIZE);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
