package de.grw.ui.export;

import de.grw.export.ExportFormat;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.rights.Permission;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** Export of approved golden records with lineage and the journal: options, target folder, result. */
public final class ExportScreen extends ViewModelScreen<ExportViewModel> {
    private CheckBox includeBlocked;

    public ExportScreen(AppContext ctx) {
        super(ctx, new ExportViewModel(ctx), "nav.export", Permission.EXPORT);
    }

    @Override
    public void activated() {
        includeBlocked.setVisible(vm.mayIncludeBlocked());
        includeBlocked.setManaged(vm.mayIncludeBlocked());
    }

    @Override
    protected Node build() {
        I18n t = ctx.i18n();
        Label heading = new Label(t.get("export.heading"));
        heading.getStyleClass().add("title-3");
        Label intro = new Label(t.get("export.intro"));
        intro.setWrapText(true);
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : t.get("export.format." + f.name());
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        CheckBox excel = new CheckBox(t.get("export.excel"));
        excel.setId("export-excel");
        excel.selectedProperty().bindBidirectional(vm.excelProperty());
        excel.disableProperty().bind(vm.formatProperty().isNotEqualTo(ExportFormat.CSV));
        includeBlocked = new CheckBox(t.get("export.includeBlocked"));
        includeBlocked.setId("export-include-blocked");
        includeBlocked.selectedProperty().bindBidirectional(vm.includeBlockedProperty());
        TextField caseRef = new TextField();
        caseRef.setId("export-case");
        caseRef.textProperty().bindBidirectional(vm.caseRefProperty());
        TextField directory = new TextField();
        directory.setId("export-directory");
        directory.setPrefColumnCount(40);
        directory.textProperty().bindBidirectional(vm.directoryProperty());
        Button browse = new Button(t.get("export.browse"));
        browse.setId("export-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(t.get("export.directory"));
            File f = chooser.showDialog(view().getScene().getWindow());
            if (f != null) {
                vm.directoryProperty().set(f.getAbsolutePath());
            }
        });
        Button start = new Button(t.get("export.start"));
        start.setId("export-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.export(() -> { }));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        Label formatLabel = new Label(t.get("export.format"));
        Label caseLabel = new Label(t.get("export.case"));
        Label directoryLabel = new Label(t.get("export.directory"));
        de.grw.ui.common.Fit.words(formatLabel, caseLabel, directoryLabel, browse, excel, includeBlocked);
        // the folder's field gives way in a narrow window, not the words beside it
        directory.setMinWidth(120);
        HBox.setHgrow(directory, javafx.scene.layout.Priority.ALWAYS);
        form.addRow(0, formatLabel, format);
        form.addRow(1, new Label(""), excel);
        form.addRow(2, caseLabel, caseRef);
        form.addRow(3, directoryLabel, new HBox(8, directory, browse));
        form.addRow(4, new Label(""), includeBlocked);
        Label summary = new Label();
        summary.setId("export-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        ListView<String> files = new ListView<>(vm.files());
        files.setId("export-files");
        files.setPrefHeight(180);
        VBox box = new VBox(12, heading, intro, form, start, summary, new Label(t.get("export.files")), files);
        box.setPadding(new Insets(8));
        return box;
    }
}
