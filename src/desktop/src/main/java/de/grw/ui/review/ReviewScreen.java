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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The review queue and the side-by-side comparison in one screen, keyboard first ({@link ReviewKeys}): Alt+M merge,
 * Alt+N not a duplicate, Alt+T split, Alt+Z defer, Ctrl+Z undo, Page Down / Page Up next and previous, Alt+1 … 9 a
 * record's value, Alt+B the comment, F1 help.
 */
public final class ReviewScreen extends ViewModelScreen<ReviewViewModel> {
    /**
     * Key of the property naming the record (its id, a Long) that a record column's check boxes and cells show now:
     * their ids name the column ({@code member-in-1}, {@code cell-given_names-2}), not the record.
     */
    public static final String RECORD = SideBySide.RECORD;
    private final ScrollPane center = new ScrollPane();
    private final VBox explanation = new VBox(4);
    /** The explanation column's panel, made once and filled anew for each cluster or pair. */
    private PairExplanationPanel explainer;
    /** Below this width the queue gives its room to the comparison and is shown on demand. */
    static final double NARROW = 1000;
    private FrozenColumns frozen;
    /** The comparison's grid, whose cells are reused for the next cluster of the same shape. */
    private final SideBySide grid = new SideBySide();
    private ReviewKeys keys;
    /** What the explanation column shows now: its cluster, pair and whether read-only; redrawn only when it changes. */
    private Object explained;
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
        // the queue's order, and so which order it is in: most uncertain first, or active learning. Short labels
        // ("Unsicherste", "Aktiv lernen", "Most uncertain"), the tooltip says the rest: at 1024x700 the row keeps its two lines
        ComboBox<de.grw.review.QueueMode> mode = new ComboBox<>();
        mode.setId("review-mode");
        mode.getItems().setAll(de.grw.review.QueueMode.values());
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setConverter(converter(m -> t.get(m == de.grw.review.QueueMode.ACTIVE_LEARNING ? "queueMode.active"
                : "queueMode.uncertain")));
        mode.setTooltip(new Tooltip(t.get("queueMode.tooltip")));
        mode.valueProperty().addListener((o, was, now) -> {
            vm.refresh();
            redraw();
        });
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
        for (javafx.scene.control.Control c : List.of(caseRef, band, status, mode, source)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        // the case reference and the filters wrap onto a second line on a small screen instead of being cut
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(8, 6);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPrefWrapLength(2000);
        filters.setMinWidth(0);
        HBox.setHgrow(filters, Priority.ALWAYS);
        Button bulk = bulkButton(t);
        // in a narrow window the queue is hidden and shown on demand, so that the comparison keeps its room
        javafx.scene.control.ToggleButton queueToggle = new javafx.scene.control.ToggleButton(
                t.get("review.queueToggle"));
        queueToggle.setId("review-queue-toggle");
        queueToggle.setTooltip(new Tooltip(t.get("review.queueToggle.tooltip")));
        queueToggle.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        // one line on a large screen; in a narrow window the filters and buttons wrap onto a second one
        filters.getChildren().addAll(caseLabel, caseRef, band, status, mode, source, remaining, bulk, previous,
                next, helpButton);
        HBox top = new HBox(8, filters);
        top.setAlignment(Pos.CENTER_LEFT);

        // rows that say what a cluster is; the current one stays selected and in view
        ListView<QueueEntry> list = QueueList.build(vm, t, this::redraw);

        TextField comment = new TextField();
        comment.setId("review-comment");
        // what the governance settings require: "optional" only where no decision needs a comment
        comment.promptTextProperty().bind(Bindings.createStringBinding(() -> CommentPrompt.text(
                ctx.model().signedIn() == null ? null : ctx.model().signedIn().governance().settings(), t),
                ctx.model().signedInProperty()));
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
        // the comment on a line of its own: its prompt says what is required and must be readable at 1024 x 700
        comment.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(8, merge, notDuplicate, split, defer, undo);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label extension = new Label();
        extension.setId("review-extension");
        extension.setWrapText(true);
        extension.getStyleClass().add("text-bold");
        extension.textProperty().bind(vm.extensionProperty());
        extension.visibleProperty().bind(vm.extensionProperty().isNotEmpty());
        extension.managedProperty().bind(extension.visibleProperty());
        VBox bottom = new VBox(6, claimed, comment, actions, extension, message);
        bottom.setPadding(new Insets(8, 0, 0, 0));

        center.setId("review-center");
        center.setFitToWidth(false);
        explanation.setId("review-explanation");
        explanation.setPrefWidth(272);
        explanation.setMinWidth(272);
        explanation.setPadding(new Insets(0, 8, 0, 8));
        ScrollPane explanationScroll = new ScrollPane(explanation);
        explanationScroll.setId("review-explanation-scroll");
        explanationScroll.setFitToWidth(true);
        explanationScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        explanationScroll.setMinWidth(0);
        explanationScroll.setPrefWidth(290);
        // the clerk can drag the explanation narrower (or away) for the records' columns; a wider window widens
        // the records, not the explanation
        frozen = new FrozenColumns(center, t);
        // the queue's toggle above the comparison, at the left where the queue appears
        frozen.lead(queueToggle);
        javafx.scene.control.SplitPane columns = new javafx.scene.control.SplitPane(frozen.view(),
                explanationScroll);
        columns.setId("review-columns");
        javafx.scene.control.SplitPane.setResizableWithParent(explanationScroll, false);
        columns.widthProperty().addListener((o, was, now) -> {
            double width = now.doubleValue();
            if (width <= 0) {
                return;
            }
            // about 290 px at 1024, up to 420 px on a large screen
            double panel = Math.max(292, Math.min(420, width * 0.24));
            // the explanation keeps its width when the window changes (not resizable with its parent); made
            // smaller, a window would take all it loses from the records, until the golden record covered their
            // headings: the explanation gives back what it has beyond its width at this size (a clerk's narrower
            // explanation stays as dragged)
            if (was.doubleValue() == 0) {
                columns.setDividerPositions(Math.max(0.3, 1 - panel / width));
            } else if (width < was.doubleValue() && explanationScroll.getWidth() > panel) {
                // after the split pane's own layout for the new width, which keeps the explanation's width
                javafx.application.Platform.runLater(() -> columns.setDividerPositions(
                        Math.max(0.3, 1 - panel / columns.getWidth())));
            }
        });

        BorderPane layout = new BorderPane();
        layout.setTop(top);
        layout.setLeft(list);
        layout.setCenter(columns);
        layout.setBottom(bottom);
        javafx.beans.binding.BooleanBinding narrow = layout.widthProperty().lessThan(NARROW);
        queueToggle.visibleProperty().bind(narrow);
        queueToggle.managedProperty().bind(queueToggle.visibleProperty());
        list.visibleProperty().bind(narrow.not().or(queueToggle.selectedProperty()));
        list.managedProperty().bind(list.visibleProperty());
        // in a narrow window the queue floats over the comparison (which keeps its room) while it is shown, and
        // goes away when a cluster was chosen in it
        java.util.function.Consumer<Boolean> place = now -> {
            layout.setLeft(now ? null : list);
            frozen.floating(list, now);
            list.getStyleClass().remove("queue-floating");
            if (now) {
                list.getStyleClass().add("queue-floating");
            }
        };
        narrow.addListener((o, was, now) -> place.accept(now));
        place.accept(narrow.get());
        list.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null && n != list;
                    n = n.getParent()) {
                if (n instanceof javafx.scene.control.ListCell<?> cell && !cell.isEmpty() && narrow.get()) {
                    queueToggle.setSelected(false);
                    return;
                }
            }
        });
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(list, new Insets(0, 8, 0, 0));
        help = helpOverlay(t);
        StackPane root = new StackPane(layout, help);
        // the keys on the scene while this screen is shown: they work wherever the cursor is, also after a redraw
        keys = ReviewKeys.install(vm, root, center, help, frozen);
        // Enter in a golden value takes it and gives the cursor back to the comparison
        center.addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof GoldenField f && f.getId() != null && f.getId().startsWith("golden-")) {
                center.requestFocus();
            }
        });
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> vm.live().touched());
        root.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> vm.live().touched());
        // one redraw per cluster shown or choice made, from the cluster and its rows together
        vm.stateProperty().addListener((o, was, now) -> redraw());
        // nothing open yet: the grid's note follows the queue (never "no cluster" beside "173 clusters left")
        vm.queue().addListener((javafx.collections.ListChangeListener<QueueEntry>) c -> {
            if (vm.stateProperty().get().view() == null) {
                redraw();
            }
        });
        vm.busyProperty().addListener((o, was, now) -> {
            if (vm.stateProperty().get().view() == null) {
                redraw();
            }
        });
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

    /** After a decision the cursor waits in the comparison, where the keys for the next cluster work. */
    private void decided(boolean sent) {
        if (sent) {
            center.requestFocus();
        }
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private Node helpOverlay(I18n t) {
        VBox box = new VBox(6);
        box.setId("review-help-overlay");
        box.getStyleClass().add("help-overlay");
        box.setMaxSize(460, Region.USE_PREF_SIZE);
        box.setPadding(new Insets(16));
        Label title = new Label(t.get("review.help"));
        title.getStyleClass().add("title-3");
        box.getChildren().add(title);
        for (String key : List.of("help.merge", "help.notDuplicate", "help.split", "help.defer", "help.undo",
                "help.next", "help.previous", "help.records", "help.explainPair", "help.choose", "help.pick", "help.type", "help.comment",
                "help.tab", "help.exclude", "help.screens", "help.help")) {
            box.getChildren().add(new Label(t.get(key)));
        }
        box.setVisible(false);
        StackPane.setAlignment(box, Pos.CENTER);
        return box;
    }

    private void redraw() {
        // the cursor stays where it was (Tab from one golden value to the next commits the first and redraws)
        javafx.scene.Node focused = center.getScene() == null ? null : center.getScene().getFocusOwner();
        String refocus = focused != null && focused.getId() != null && center.getContent() != null
                && isInside(focused, center.getContent()) ? focused.getId() : null;
        long t = RedrawTimes.now();
        javafx.scene.Node content = grid.build(vm, ctx.i18n());
        if (center.getContent() != content) {
            center.setContent(content);
        }
        RedrawTimes.add("grid filled", t);
        t = RedrawTimes.now();
        frozen.attach(content);
        RedrawTimes.add("frozen columns", t);
        if (keys != null) {
            keys.mark();
        }
        if (content instanceof Label note) {
            // nothing open: the note wraps within the visible part instead of running out of it
            note.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(120,
                    center.getViewportBounds().getWidth() - 16), center.viewportBoundsProperty()));
            note.setPadding(new Insets(4, 8, 4, 8));
        }
        if (refocus != null && (focused.getScene() == null || !isInside(focused, content))) {
            javafx.scene.Node again = content.lookup("#" + refocus);
            (again != null ? again : center).requestFocus();
        }
        // which pair is explained (default: the weakest link), the cluster's graph and the pair's waterfall; built
        // again only for another cluster or pair (not for a choice of a value)
        var view = vm.stateProperty().get().view();
        Object now = java.util.Arrays.asList(view, vm.explained().pairProperty().get(), vm.readOnly(),
                ctx.i18n().locale());
        if (!now.equals(explained)) {
            explained = now;
            t = RedrawTimes.now();
            if (explainer == null) {
                explainer = new PairExplanationPanel(vm, ctx.i18n());
                explanation.getChildren().setAll(explainer.node());
            }
            explainer.fill(vm);
            RedrawTimes.add("explanation built", t);
        }
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private Button action(I18n t, String key, String shortcut, String id, java.util.function.BooleanSupplier run) {
        Button b = new Button(t.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(t.get(key) + " (" + shortcut + ")"));
        b.setOnAction(e -> {
            boolean sent = run.getAsBoolean();
            redraw();
            if (sent && !id.equals("review-previous") && !id.equals("review-next")) {
                decided(true);
            }
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
