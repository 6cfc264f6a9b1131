package de.grw.ui.importing;

import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The import screen's part for a Spark job's proposal bundle ({@link ProposalsViewModel}): the folder, chosen or
 * typed, its import with progress and cancel, the engine's message for a bundle it refuses, and the result with the
 * way to the review queue.
 */
final class ProposalsPane {
    private ProposalsPane() {
    }

    static Node build(ProposalsViewModel vm, AppContext ctx, Supplier<Window> window) {
        I18n t = ctx.i18n();
        Label about = new Label(t.get("proposals.about"));
        about.setWrapText(true);
        about.getStyleClass().add("text-muted");
        about.setMinHeight(Region.USE_PREF_SIZE);

        TextField path = new TextField();
        path.setId("proposals-path");
        path.setPromptText(t.get("proposals.pathPrompt"));
        path.textProperty().bindBidirectional(vm.pathProperty());
        path.setOnAction(e -> vm.importBundle());
        de.grw.ui.common.Fit.prompt(path);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = button(t.get("proposals.browse"), "proposals-browse");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(t.get("proposals.browse"));
            File now = new File(vm.pathProperty().get() == null ? "" : vm.pathProperty().get().strip());
            if (now.getParentFile() != null && now.getParentFile().isDirectory()) {
                c.setInitialDirectory(now.getParentFile());
            }
            File f = c.showDialog(window.get());
            if (f != null) {
                vm.pathProperty().set(f.getAbsolutePath());
            }
        });
        Label folder = new Label(t.get("proposals.folder"));
        folder.setMinWidth(Control.USE_PREF_SIZE);
        HBox pathRow = new HBox(8, folder, path, browse);
        pathRow.setAlignment(Pos.CENTER_LEFT);

        Button run = button(t.get("proposals.run"), "proposals-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.importBundle());
        run.disableProperty().bind(vm.busyProperty().or(ctx.tasks().runningProperty())
                .or(vm.pathProperty().isEmpty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("proposals-progress");
        progress.setPrefWidth(200);
        progress.progressProperty().bind(ctx.tasks().progressProperty());
        Button cancel = button(t.get("action.cancel"), "proposals-cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox runRow = new HBox(8, run, progress, cancel);
        runRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("proposals-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE); // the engine's refusal names file, line and entry: never cut
        message.textProperty().bind(vm.messageProperty());

        Label result = new Label();
        result.setId("proposals-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.getStyleClass().add("text-bold");
        result.textProperty().bind(vm.resultTextProperty());
        Button toReview = button(t.get("proposals.toReview"), "proposals-to-review");
        toReview.setOnAction(e -> ctx.navigate().accept("nav.review"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox resultRow = new HBox(12, result, spacer, toReview);
        resultRow.setAlignment(Pos.CENTER_LEFT);
        resultRow.visibleProperty().bind(vm.resultProperty().isNotNull());
        resultRow.managedProperty().bind(resultRow.visibleProperty());

        VBox box = new VBox(10, about, pathRow, runRow, message, resultRow);
        box.setId("proposals-pane");
        return box;
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Control.USE_PREF_SIZE);
        return b;
    }
}
