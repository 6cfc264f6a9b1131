package de.grw.ui.review;

import de.grw.review.RecordLoader;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.review.ReviewViews.WeakestLink;
import de.grw.ui.common.I18n;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.VBox;

/**
 * The review queue as a list whose rows say what a cluster is: the person's name (as the engine lets the clerk see
 * it: masked under a blocking notice), the number of records, the weakest link's probability, the sources and what
 * weakens that link most. The current cluster's row stays selected and in view whenever the queue is reloaded or
 * the review moves on by itself.
 */
final class QueueList {
    /** Room for the rows' words: the list is as wide as this, the comparison takes the rest. */
    static final double WIDTH = 250;

    private QueueList() {
    }

    static ListView<QueueEntry> build(ReviewViewModel vm, I18n t, Runnable redraw) {
        ListView<QueueEntry> list = new ListView<>(vm.queue());
        list.setId("review-queue");
        list.setPrefWidth(WIDTH);
        list.setMinWidth(200);
        list.setCellFactory(l -> new Row(vm, t, list));
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i != vm.positionProperty().get()) {
                vm.open(i);
                redraw.run();
            }
        });
        vm.positionProperty().addListener((o, was, now) -> keepInView(list, now.intValue()));
        // a reload replaces the rows (and with them the selection) while the position may stay the same number
        vm.queue().addListener((ListChangeListener<QueueEntry>) c -> Platform.runLater(
                () -> keepInView(list, vm.positionProperty().get())));
        vm.live().claimedByOthers().addListener((MapChangeListener<Long, Object>) c -> list.refresh());
        // names withheld until a case reference was given: once a cluster opens under one, the rows get them
        vm.currentProperty().addListener((o, was, now) -> {
            if (now != null && !vm.caseRefProperty().get().isBlank() && !vm.queue().isEmpty()
                    && vm.queue().stream().allMatch(e -> e.name() == null)) {
                Platform.runLater(vm::refreshLive);
            }
        });
        return list;
    }

    /** Selects the current cluster's row and scrolls it into view when it is not. */
    static void keepInView(ListView<QueueEntry> list, int index) {
        if (index < 0 || index >= list.getItems().size()) {
            list.getSelectionModel().clearSelection();
            return;
        }
        if (list.getSelectionModel().getSelectedIndex() != index) {
            list.getSelectionModel().select(index);
        }
        VirtualFlow<?> flow = list.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            list.scrollTo(index);
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        // the last cell may be cut at the bottom: keep one row of room
        if (index < first || index >= last) {
            list.scrollTo(Math.max(0, index - 1));
        }
    }

    /** The person's name as the row's heading; "Gruppe 12" where it is withheld or the records hold none. */
    static String heading(QueueEntry e, I18n t) {
        if (e.name() == null) {
            return t.get("review.queueGroup", String.valueOf(e.clusterId()));
        }
        return RecordLoader.MASK.equals(e.name()) ? t.get("review.queueMasked") : e.name();
    }

    /** "2 Datensätze · 0,910 · offen · #12". */
    static String facts(QueueEntry e, I18n t) {
        return t.get("review.queueFacts", e.size(), String.format(t.locale(), "%.3f", e.minProbability()),
                t.get("status." + e.status()), String.valueOf(e.clusterId()));
    }

    /** "schwächste Verbindung: Straße: ähnlich −2,1", or empty without scored pairs. */
    static String weakest(QueueEntry e, Locale locale, I18n t) {
        WeakestLink w = e.weakest();
        if (w == null || w.comparison() == null) {
            return "";
        }
        return t.get("review.queueWeakest", ClusterTexts.explanationLine(new String[] {w.comparison(), w.level(),
            Double.toString(w.weight()), w.versus() == null ? "others" : w.versus()}, locale));
    }

    private static final class Row extends ListCell<QueueEntry> {
        private final ReviewViewModel vm;
        private final I18n t;
        private final Label name = new Label();
        private final Label facts = new Label();
        private final Label sources = new Label();
        private final Label reason = new Label();
        private final Label claim = new Label();
        private final VBox box = new VBox(1, name, facts, sources, reason, claim);

        Row(ReviewViewModel vm, I18n t, ListView<QueueEntry> list) {
            this.vm = vm;
            this.t = t;
            name.getStyleClass().add("text-bold");
            name.setId("queue-name");
            reason.getStyleClass().add("text-small");
            sources.getStyleClass().add("text-small");
            claim.getStyleClass().add("text-small");
            for (Label l : new Label[] {name, facts, sources, reason, claim}) {
                l.setWrapText(true);
                // wrap within the list instead of widening the row (and cutting it with "…")
                l.prefWidthProperty().bind(list.widthProperty().subtract(30));
                l.maxWidthProperty().bind(l.prefWidthProperty());
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                l.managedProperty().bind(l.textProperty().isNotEmpty());
                l.visibleProperty().bind(l.managedProperty());
            }
            setText(null);
        }

        @Override
        protected void updateItem(QueueEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("queue-claimed");
            if (empty || item == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            var held = vm.live().claimedByOthers().get(item.clusterId());
            name.setText(heading(item, t));
            facts.setText(facts(item, t));
            sources.setText(String.join(", ", item.sources()));
            reason.setText(weakest(item, t.locale(), t));
            // a cluster another clerk holds: marked with who, until when
            claim.setText(held == null ? "" : t.get("review.queueClaimed", held.user(),
                    ReviewLive.time(held.until())));
            if (held != null) {
                getStyleClass().add("queue-claimed");
            }
            setGraphic(box);
            setAccessibleText(String.join(" · ", name.getText(), facts.getText(), sources.getText(),
                    reason.getText()));
        }
    }
}
