package de.grw.ui.review;

import de.grw.review.ExplanationText;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.rights.Permission;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The review queue and the side-by-side comparison in one screen, keyboard first: Alt+M merge, Alt+N not a
 * duplicate, Alt+T split, Alt+Z defer, Ctrl+Z undo, Page Down / Page Up next and previous, F1 help.
 */
public final class ReviewScreen extends ViewModelScreen<ReviewViewModel> {
    private final ScrollPane center = new ScrollPane();
    private final VBox explanation = new VBox(4);
    private Node help;
    private TextField caseField;

    public ReviewScreen(AppContext ctx) {
        super(ctx, new ReviewViewModel(ctx), "nav.review", Permission.DECIDE);
    }

    @Override
    public void activated() {
        vm.live().start();
        vm.refresh();
        redraw();
        if (caseField != null && vm.caseRefProperty().get().isBlank()) {
            // keyboard first: the case reference comes before anything is shown
            javafx.application.Platform.runLater(caseField::requestFocus);
        }
    }

    /** Another screen is shown: the changes are no longer asked for, and the claim on the open cluster ends. */
    @Override
    public void deactivated() {
        vm.live().stop();
    }

    @Override
    protected StackPane build() {
        I18n t = ctx.i18n();
        TextField caseRef = new TextField();
        caseField = caseRef;
        caseRef.setId("review-case");
        caseRef.setPromptText(t.get("review.casePrompt"));
        caseRef.textProperty().bindBidirectional(vm.caseRefProperty());
        caseRef.setOnAction(e -> vm.confirmCaseReference());
        // the workspace's settings may demand a case reference before any record is shown
        new de.grw.ui.common.Validation().required(caseRef, t.get("review.caseFirst"),
                () -> ctx.model().signedIn() != null
                        && ctx.model().signedIn().governance().settings().required().caseReferenceToShow());
        caseRef.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.confirmCaseReference();
            }
        });
        ComboBox<Band> band = new ComboBox<>();
        band.setId("review-band");
        band.getItems().setAll(Band.values());
        band.valueProperty().bindBidirectional(vm.bandProperty());
        band.setConverter(converter(b -> t.get("band." + b.name())));
        ComboBox<ReviewViewModel.StatusFilter> status = new ComboBox<>();
        status.setId("review-status");
        status.getItems().setAll(ReviewViewModel.StatusFilter.values());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setConverter(converter(s -> t.get("filter." + s.name())));
        // the sources to review: any number checked, none for all
        CheckComboBox<String> source = new CheckComboBox<>(vm.sources());
        source.setId("review-source");
        source.setTitle(t.get("review.allSources"));
        source.setShowCheckedCount(false);
        // an empty box would size itself to nothing; the title (or the sources checked) needs room
        source.setPrefWidth(150);
        source.setMinWidth(110);
        source.getCheckModel().getCheckedItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            List<String> checked = List.copyOf(source.getCheckModel().getCheckedItems());
            source.setTitle(checked.isEmpty() ? t.get("review.allSources") : null);
            if (!checked.equals(vm.selectedSources())) {
                vm.selectedSources().setAll(checked);
                vm.refresh();
                redraw();
            }
        });
        band.valueProperty().addListener((o, was, now) -> {
            vm.refresh();
            redraw();
        });
        status.valueProperty().addListener((o, was, now) -> {
            vm.refresh();
            redraw();
        });
        Label remaining = new Label();
        remaining.setId("review-remaining");
        remaining.textProperty().bind(Bindings.createStringBinding(() -> t.get("review.remaining",
                vm.remainingProperty().get()), vm.remainingProperty()));
        Button previous = action(t, "review.previous", "PgUp", "review-previous", vm::previous);
        Button next = action(t, "review.next", "PgDn", "review-next", vm::next);
        Button helpButton = new Button("?");
        helpButton.setId("review-help");
        helpButton.setTooltip(new Tooltip(t.get("review.help") + " (F1)"));
        helpButton.setOnAction(e -> toggleHelp());
        caseRef.setPrefColumnCount(12);
        for (javafx.scene.control.Control c : List.of(previous, next, helpButton)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        Label caseLabel = new Label(t.get("review.case"));
        caseLabel.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        remaining.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        for (javafx.scene.control.Control c : List.of(caseRef, band, status, source)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        // the case reference and the filters wrap onto a second line on a small screen instead of being cut
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(8, 6, caseLabel, caseRef, band,
                status, source, remaining);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPrefWrapLength(2000);
        filters.setMinWidth(0);
        HBox.setHgrow(filters, Priority.ALWAYS);
        Button bulk = bulkButton(t);
        HBox top = new HBox(8, filters, bulk, previous, next, helpButton);
        top.setAlignment(Pos.CENTER_LEFT);

        // rows that say what a cluster is; the current one stays selected and in view
        ListView<QueueEntry> list = QueueList.build(vm, t, this::redraw);

        TextField comment = new TextField();
        comment.setId("review-comment");
        comment.setPromptText(t.get("review.commentPrompt"));
        comment.textProperty().bindBidirectional(vm.commentProperty());
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button merge = action(t, "review.merge", "Alt+M", "review-merge", vm::merge);
        merge.getStyleClass().add("success");
        Button notDuplicate = action(t, "review.notDuplicate", "Alt+N", "review-not-duplicate", vm::notDuplicate);
        Button split = action(t, "review.split", "Alt+T", "review-split", vm::split);
        Button defer = action(t, "review.defer", "Alt+Z", "review-defer", vm::defer);
        Button undo = action(t, "review.undo", "Ctrl+Z", "review-undo", vm::undo);
        Label message = new Label();
        message.setId("review-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        for (Button b : List.of(merge, notDuplicate, split, defer)) {
            // one decision at a time: the buttons wait while the queue, a cluster or a decision is on its way;
            // none on a cluster another clerk holds
            b.disableProperty().bind(vm.busyProperty().or(vm.live().readOnlyProperty()));
        }
        undo.disableProperty().bind(vm.busyProperty());
        comment.disableProperty().bind(vm.live().readOnlyProperty());
        Label claimed = new Label();
        claimed.setId("review-claimed");
        claimed.setWrapText(true);
        claimed.getStyleClass().addAll("text-bold", "warning");
        claimed.textProperty().bind(vm.live().claimText());
        claimed.visibleProperty().bind(vm.live().readOnlyProperty());
        claimed.managedProperty().bind(claimed.visibleProperty());
        vm.live().readOnlyProperty().addListener((o, was, now) -> redraw());
        vm.live().notices().addListener((javafx.collections.ListChangeListener<String>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::notify);
            }
        });
        HBox actions = new HBox(8, comment, merge, notDuplicate, split, defer, undo);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label extension = new Label();
        extension.setId("review-extension");
        extension.setWrapText(true);
        extension.getStyleClass().add("text-bold");
        extension.textProperty().bind(vm.extensionProperty());
        extension.visibleProperty().bind(vm.extensionProperty().isNotEmpty());
        extension.managedProperty().bind(extension.visibleProperty());
        VBox bottom = new VBox(6, claimed, actions, extension, message);
        bottom.setPadding(new Insets(8, 0, 0, 0));

        center.setId("review-center");
        center.setFitToWidth(false);
        explanation.setId("review-explanation");
        explanation.setPrefWidth(210);
        explanation.setMinWidth(180);
        explanation.setPadding(new Insets(0, 0, 0, 8));

        BorderPane layout = new BorderPane();
        layout.setTop(top);
        layout.setLeft(list);
        layout.setCenter(center);
        layout.setRight(explanation);
        layout.setBottom(bottom);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(list, new Insets(0, 8, 0, 0));
        help = helpOverlay(t);
        StackPane root = new StackPane(layout, help);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        // the clerk is at work: the claim is renewed and the changes are asked for (not after ten idle minutes)
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> vm.live().touched());
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> vm.live().touched());
        root.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> vm.live().touched());
        vm.currentProperty().addListener((o, was, now) -> redraw());
        vm.rows().addListener((javafx.collections.ListChangeListener<FieldRow>) c -> redraw());
        return root;
    }

    /**
     * "Sammelvorschlag …" (Alt+S): proposes every cluster of the chosen band and sources after a look at a random
     * sample ({@link BulkProposalDialog}); only with a band chosen.
     */
    private Button bulkButton(I18n t) {
        Button bulk = new Button(t.get("bulk.button"));
        bulk.setId("review-bulk");
        bulk.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        bulk.setTooltip(new Tooltip(t.get("bulk.tooltip")));
        bulk.disableProperty().bind(vm.busyProperty().or(vm.bandProperty().isEqualTo(Band.ALL)));
        bulk.setOnAction(e -> BulkProposalDialog.open(ctx, bulk.getScene().getWindow(), vm.bandProperty().get(),
                List.copyOf(vm.selectedSources()), vm.caseRefProperty().get(), () -> {
                    vm.refresh();
                    redraw();
                }));
        return bulk;
    }

    /** Tells the clerk at once what others did to their cluster (a lost claim, a decision elsewhere). */
    private void notify(String text) {
        javafx.scene.Node owner = center.getScene() == null ? null : center;
        if (owner == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) {
            return;
        }
        org.controlsfx.control.Notifications.create().title(ctx.i18n().get("nav.review")).text(text)
                .owner(owner).hideAfter(javafx.util.Duration.seconds(8)).showWarning();
    }

    private void shortcut(KeyEvent e) {
        boolean handled = true;
        if (e.getCode() == KeyCode.F1) {
            toggleHelp();
        } else if (e.getCode() == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
        } else if (e.getCode() == KeyCode.PAGE_DOWN || (e.isAltDown() && e.getCode() == KeyCode.RIGHT)) {
            vm.next();
        } else if (e.getCode() == KeyCode.PAGE_UP || (e.isAltDown() && e.getCode() == KeyCode.LEFT)) {
            vm.previous();
        } else if (e.isAltDown() && e.getCode() == KeyCode.M) {
            vm.merge();
        } else if (e.isAltDown() && e.getCode() == KeyCode.N) {
            vm.notDuplicate();
        } else if (e.isAltDown() && e.getCode() == KeyCode.T) {
            vm.split();
        } else if (e.isAltDown() && e.getCode() == KeyCode.Z) {
            vm.defer();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            vm.undo();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private Node helpOverlay(I18n t) {
        VBox box = new VBox(6);
        box.setId("review-help-overlay");
        box.getStyleClass().add("help-overlay");
        box.setMaxSize(420, 320);
        box.setPadding(new Insets(16));
        Label title = new Label(t.get("review.help"));
        title.getStyleClass().add("title-3");
        box.getChildren().add(title);
        for (String key : List.of("help.merge", "help.notDuplicate", "help.split", "help.defer", "help.undo",
                "help.next", "help.previous", "help.choose", "help.type", "help.exclude", "help.screens", "help.help")) {
            box.getChildren().add(new Label(t.get(key)));
        }
        box.setVisible(false);
        StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }

    private void redraw() {
        center.setContent(SideBySide.build(vm, ctx.i18n()));
        explanation.getChildren().clear();
        Label title = new Label(ctx.i18n().get("review.explanation"));
        title.getStyleClass().add("text-bold");
        explanation.getChildren().add(title);
        var current = vm.currentProperty().get();
        if (current != null && !current.pairs().isEmpty()) {
            var strongest = current.pairs().get(0);
            explanation.getChildren().add(new Label(ctx.i18n().get("review.probability",
                    String.format(ctx.i18n().locale(), "%.4f", strongest.probability()))));
        }
        for (String[] row : vm.explanation()) {
            double w = Double.parseDouble(row[2]);
            Label l = new Label(ClusterTexts.explanationLine(row, ctx.i18n().locale()));
            l.getStyleClass().add("text-small");
            l.setWrapText(true);
            if (ExplanationText.isContradiction(row[0])) {
                // refused outright, whatever the weight: no bar
                l.getStyleClass().add("text-contradiction");
                explanation.getChildren().add(l);
                continue;
            }
            Region bar = new Region();
            bar.getStyleClass().add(w >= 0 ? "bar-positive" : "bar-negative");
            bar.setPrefHeight(8);
            bar.setPrefWidth(Math.max(2, Math.min(1, Math.abs(w) / 16) * 90));
            bar.setMaxWidth(bar.getPrefWidth());
            explanation.getChildren().add(new VBox(1, l, bar));
        }
    }

    private Button action(I18n t, String key, String shortcut, String id, java.util.function.BooleanSupplier run) {
        Button b = new Button(t.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(t.get(key) + " (" + shortcut + ")"));
        b.setOnAction(e -> {
            run.getAsBoolean();
            redraw();
        });
        return b;
    }

    private Button action(I18n t, String key, String shortcut, String id, Runnable run) {
        return action(t, key, shortcut, id, () -> {
            run.run();
            return true;
        });
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : f.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
