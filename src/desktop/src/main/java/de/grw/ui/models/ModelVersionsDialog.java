package de.grw.ui.models;

import de.grw.api.ModelsApi;
import de.grw.api.SignedIn;
import de.grw.rights.Permission;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.versions.ModelVersionView;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The supervisors' dialog of model versions (issue 15): every version with when and by whom it was trained, the
 * decisions it used (and those in effect then), its estimated quality and its state; a new version is trained in the
 * background, a version trained by someone else is activated, and an earlier one gone back to, each with a comment
 * for the journal. The engine decides who may: the buttons only follow the selected version's state, and a refusal
 * (four eyes) is shown as the engine words it.
 */
public final class ModelVersionsDialog {
    private final AppContext ctx;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TableView<ModelVersionView> table = new TableView<>();
    private final Label message = new Label();
    private final TextField comment = new TextField();
    private final Button train = new Button();
    private final Button activate = new Button();
    private final Button revert = new Button();

    private ModelVersionsDialog(AppContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the dialog over {@code owner} and loads the versions. */
    public static ModelVersionsDialog open(AppContext ctx, Window owner) {
        ModelVersionsDialog d = new ModelVersionsDialog(ctx);
        d.build(owner);
        d.dialog.show();
        d.load(null);
        return d;
    }

    /** The dialog itself (for tests and screenshots). */
    Dialog<ButtonType> dialog() {
        return dialog;
    }

    private void build(Window owner) {
        I18n t = ctx.i18n();
        dialog.initOwner(owner);
        dialog.setTitle(t.get("models.title"));
        dialog.setResizable(true);
        Label intro = new Label(t.get("models.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("models-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(t.get("models.loading")));
        table.getColumns().add(column(t.get("models.version"), v -> String.valueOf(v.version()), 60));
        table.getColumns().add(column(t.get("models.state"), v -> t.get(stateKey(v.state())), 150));
        table.getColumns().add(column(t.get("models.trainedColumn"), v -> t.get("models.trainedValue", v.trainedBy(),
                when(v.trainedAt(), t)), 190));
        table.getColumns().add(column(t.get("models.decisions"), v -> t.get("models.decisionsValue",
                v.decisionsUsed().size(), v.decisionsInForce()), 110));
        table.getColumns().add(column(t.get("models.quality"), v -> v.f1() == null ? "\u2013"
                : t.get("models.qualityValue", number(v.precision(), t), number(v.recall(), t), number(v.f1(), t)),
                230));
        table.getColumns().add(column(t.get("models.activatedBy"), v -> v.activatedBy() == null ? "\u2013"
                : t.get("models.activatedValue", v.activatedBy(), when(v.activatedAt(), t)), 190));
        VBox.setVgrow(table, Priority.ALWAYS);
        // at 1024 px the constrained policy had squeezed "Version" and "Entscheidungen genutzt" to "Ver…", and the
        // values ("wartet auf Aktivierung", the quality) to "…" at any width: headings and values stay whole, the
        // table scrolls sideways where the window is narrower
        de.grw.ui.common.Fit.columns(table);
        comment.setId("models-comment");
        comment.setPromptText(t.get("models.commentPrompt"));
        HBox.setHgrow(comment, Priority.ALWAYS);
        train.setText(t.get("models.train"));
        train.setId("models-train");
        activate.setText(t.get("models.activate"));
        activate.setId("models-activate");
        activate.getStyleClass().add("accent");
        revert.setText(t.get("models.revert"));
        revert.setId("models-revert");
        for (Button b : new Button[] {train, activate, revert}) {
            b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        SignedIn signedIn = ctx.model().signedIn();
        boolean supervisor = signedIn != null && signedIn.may(Permission.ACTIVATE_MODEL);
        activate.setVisible(supervisor);
        revert.setVisible(supervisor);
        activate.setOnAction(e -> change(true));
        revert.setOnAction(e -> change(false));
        train.setOnAction(e -> train());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> buttons());
        buttons();
        message.setId("models-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, comment, activate, revert, train);
        VBox content = new VBox(10, intro, table, actions, message);
        // as wide as the window allows (the table's columns need it), at most 1,400 pixels
        double width = Math.min(1400, owner == null ? 1400 : owner.getWidth() - 60);
        double height = Math.min(560, owner == null ? 560 : owner.getHeight() - 80);
        content.setPrefSize(width, height);
        // inline, so that the theme's dialog width does not win over the table's room
        dialog.getDialogPane().setStyle(String.format(java.util.Locale.ROOT,
                "-fx-min-width: %.0fpx; -fx-pref-width: %.0fpx;", width + 20, width + 20));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(t.get("models.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("models-dialog");
    }

    /** Activate for a candidate, go back for an earlier version; nothing for the active one. */
    private void buttons() {
        ModelVersionView v = table.getSelectionModel().getSelectedItem();
        activate.setDisable(v == null || !"candidate".equals(v.state()));
        revert.setDisable(v == null || !"earlier".equals(v.state()));
    }

    private static String stateKey(String state) {
        return switch (state) {
            case "active" -> "models.state.active";
            case "earlier" -> "models.state.earlier";
            default -> "models.state.candidate";
        };
    }

    private static TableColumn<ModelVersionView, String> column(String title,
                                                                Function<ModelVersionView, String> value,
                                                                double width) {
        TableColumn<ModelVersionView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static String number(Double d, I18n t) {
        return d == null ? "–" : String.format(t.locale(), "%.3f", d);
    }

    static String when(String iso, I18n t) {
        if (iso == null) {
            return "–";
        }
        return de.grw.ui.common.Times.minutes(t.locale(), ZoneId.systemDefault(), iso);
    }

    private ModelsApi models() {
        SignedIn signedIn = ctx.model().signedIn();
        return signedIn == null ? null : signedIn.models();
    }

    /** Reads the versions in the background; selects {@code select} (or the newest) afterwards. */
    private void load(Integer select) {
        I18n t = ctx.i18n();
        ModelsApi models = models();
        if (models == null) {
            return;
        }
        ctx.tasks().call(t.get("models.loading"), models::list, list -> {
            table.getItems().setAll(list);
            table.setPlaceholder(new Label(t.get("models.none")));
            list.stream().filter(v -> select == null ? true : v.version() == select).findFirst()
                    .ifPresent(v -> table.getSelectionModel().select(v));
            buttons();
        }, e -> message.setText(Errors.message(e, t)));
    }

    private void change(boolean activating) {
        I18n t = ctx.i18n();
        ModelVersionView v = table.getSelectionModel().getSelectedItem();
        ModelsApi models = models();
        if (v == null || models == null) {
            return;
        }
        String why = comment.getText();
        activate.setDisable(true);
        revert.setDisable(true);
        ctx.tasks().call(t.get(activating ? "models.activate" : "models.revert"),
                () -> activating ? models.activate(v.version(), why) : models.revert(v.version(), why),
                done -> {
                    message.setText(t.get(activating ? "models.activated" : "models.reverted", done.version()));
                    comment.clear();
                    load(done.version());
                }, e -> {
                    message.setText(Errors.message(e, t));
                    buttons();
                });
    }

    private void train() {
        I18n t = ctx.i18n();
        ModelsApi models = models();
        if (models == null) {
            return;
        }
        train.setDisable(true);
        message.setText(t.get("models.training"));
        ctx.tasks().run(t.get("models.train"), models::train, done -> {
            train.setDisable(false);
            message.setText(t.get(done.active() ? "models.trainedActive" : "models.trained", done.version()));
            load(done.version());
        }, e -> {
            train.setDisable(false);
            message.setText(Errors.message(e, t));
        });
    }
}
