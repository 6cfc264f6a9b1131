package de.grw.ui.review;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.ui.common.I18n;
import de.grw.ui.common.LazyTooltip;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The side-by-side comparison: records as columns, fields as rows, the characters that differ from the golden value
 * highlighted, each row's contribution to the score as a bar, and the golden record as the last column. Clicking a
 * cell takes its value; the golden cell can be typed into; a header check box takes a record out of the merge.
 * <p>
 * The grid's cells are made once per shape (the fields shown and the number of records) and filled anew for each
 * cluster and each choice: the next cluster of the same shape, the usual case in a session, reuses the check boxes,
 * text fields and cells of the one before, so that the key press that moves on costs no new controls, skins and
 * style lookups on the FX thread (those were most of the time between the key and the next cluster on screen).
 */
final class SideBySide {
    private static final double MAX_BITS = 16;
    /** Style classes a fill sets on a reused node; those it set before are taken off first. */
    private static final String DYNAMIC = SideBySide.class.getName() + ".styles";
    private static final List<String> GRAIN_STYLES = List.of("cell-grain-normalised", "cell-grain-unrelated");

    /** The grid made for the last shape, with the legend under it, or null. */
    private Node content;
    private GridPane grid;
    private List<String> fields = List.of();
    private int records = -1;
    private final List<CheckBox> in = new ArrayList<>();
    private final List<CheckBox> mark = new ArrayList<>();
    private final List<Label> titles = new ArrayList<>();
    private final List<Label> blocked = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<StackPane> bars = new ArrayList<>();
    /** Per row, per record. */
    private final List<List<StackPane>> cells = new ArrayList<>();
    private final List<GoldenField> goldens = new ArrayList<>();
    /** The listener that takes what was typed into a golden value when the cursor leaves it, per row. */
    private final List<ChangeListener<Boolean>> leaving = new ArrayList<>();

    /** The comparison of the view model's open cluster, or a note why none is shown. */
    Node build(ReviewViewModel vm, I18n t) {
        // the cluster and its rows from one value: never one cluster's rows under another's columns
        ClusterState state = vm.stateProperty().get();
        ClusterView view = state.view();
        if (view == null) {
            Label empty = new Label(emptyText(vm, t));
            empty.setId("review-empty");
            empty.setWrapText(true);
            return empty;
        }
        List<String> shape = state.rows().stream().map(FieldRow::field).toList();
        if (content == null || records != view.members().size() || !shape.equals(fields)) {
            make(view.members().size(), shape, t);
        }
        fill(vm, t, state);
        return content;
    }

    /** Makes the grid's nodes for this many records and these fields (their texts come with {@link #fill}). */
    private void make(int members, List<String> shape, I18n t) {
        records = members;
        fields = shape;
        in.clear();
        mark.clear();
        titles.clear();
        blocked.clear();
        labels.clear();
        bars.clear();
        cells.clear();
        goldens.clear();
        leaving.clear();
        grid = new GridPane();
        grid.setId("side-by-side");
        grid.getStyleClass().add("side-by-side");
        // no gaps: the cells' borders draw the lines (a frozen column must hide what scrolls beneath it)
        grid.setHgap(0);
        grid.setVgap(0);
        // the field and contribution columns and the golden record's column stay in view while the records scroll
        grid.getProperties().put(FrozenColumns.FROZEN, 2);
        grid.getProperties().put(FrozenColumns.RECORDS, members);
        grid.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints(90));
        for (int i = 0; i <= members; i++) {
            grid.getColumnConstraints().add(new ColumnConstraints(110, 150, 300));
        }
        grid.add(header(t.get("review.field")), 0, 0);
        grid.add(header(t.get("review.why")), 1, 0);
        for (int i = 0; i < members; i++) {
            CheckBox include = new CheckBox(t.get("review.inMerge"));
            CheckBox marked = new CheckBox(t.get("review.mark"));
            Label title = new Label();
            title.getStyleClass().add("text-bold");
            Label block = new Label();
            block.getStyleClass().add("danger");
            VBox head = new VBox(2, title, include, marked, block);
            head.getStyleClass().add("record-header");
            head.setPadding(new Insets(4));
            grid.add(head, 2 + i, 0);
            in.add(include);
            mark.add(marked);
            titles.add(title);
            blocked.add(block);
        }
        grid.add(header(t.get("review.golden")), 2 + members, 0);
        for (int row = 0; row < shape.size(); row++) {
            String field = shape.get(row);
            Label label = new Label();
            label.setId("field-" + field);
            label.setPadding(new Insets(4));
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMaxHeight(Double.MAX_VALUE);
            grid.add(label, 0, row + 1);
            labels.add(label);
            StackPane bar = new StackPane();
            bar.getStyleClass().add("bar-cell");
            bar.setAlignment(Pos.CENTER_LEFT);
            grid.add(bar, 1, row + 1);
            bars.add(bar);
            List<StackPane> line = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                StackPane cell = new StackPane();
                cell.setAlignment(Pos.CENTER_LEFT);
                cell.setPadding(new Insets(4));
                grid.add(cell, 2 + i, row + 1);
                line.add(cell);
            }
            cells.add(line);
            GoldenField golden = new GoldenField();
            golden.setId("golden-" + field);
            StackPane goldenCell = new StackPane(golden);
            goldenCell.getStyleClass().add("golden-cell");
            goldenCell.setPadding(new Insets(2));
            goldenCell.setAlignment(Pos.CENTER_LEFT);
            grid.add(goldenCell, 2 + members, row + 1);
            goldens.add(golden);
            leaving.add(null);
        }
        content = GrainCells.withLegend(grid, t);
    }

    /** Puts a cluster's records, rows and the clerk's choices into the grid's nodes. */
    private void fill(ReviewViewModel vm, I18n t, ClusterState state) {
        ClusterView view = state.view();
        List<MemberRecord> members = view.members();
        grid.getProperties().put(FrozenColumns.CLUSTER, view.clusterId());
        for (int i = 0; i < members.size(); i++) {
            MemberRecord m = members.get(i);
            CheckBox include = in.get(i);
            include.setId("member-in-" + m.id());
            include.setSelected(!vm.excluded().contains(m.id()));
            include.setOnAction(e -> vm.toggleExcluded(m.id()));
            CheckBox marked = mark.get(i);
            marked.setId("member-mark-" + m.id());
            marked.setSelected(vm.marked().contains(m.id()));
            marked.setOnAction(e -> vm.toggleMarked(m.id()));
            // a cluster another clerk holds is shown, not changed
            include.setDisable(vm.readOnly());
            marked.setDisable(vm.readOnly());
            titles.get(i).setText(m.source() + "\n" + m.recordKey());
            LazyTooltip.set(titles.get(i), m.source() + " · " + m.recordKey());
            blocked.get(i).setText(m.masked() ? t.get("review.masked") : m.blocked() ? t.get("review.blocked") : "");
        }
        List<FieldRow> rows = state.rows();
        for (int row = 0; row < rows.size(); row++) {
            FieldRow r = rows.get(row);
            Label label = labels.get(row);
            label.setText(r.label());
            restyle(label, r.labelStyle());
            LazyTooltip.set(label, r.equalAfterNormalising() ? t.get("review.equalAfterNormalising") : null);
            bars.get(row).getChildren().setAll(bar(r, t));
            for (int i = 0; i < members.size(); i++) {
                String value = r.values().get(i);
                MemberRecord m = members.get(i);
                StackPane cell = cells.get(row).get(i);
                cell.setId("cell-" + r.field() + "-" + m.id());
                cell.getStyleClass().removeAll(GRAIN_STYLES);
                cell.getProperties().remove(ValueGrain.class);
                restyle(cell, r.originColumn() == i ? "cell-chosen" : "cell");
                // equal, written differently (same after normalising), near (a typo) or unrelated
                cell.getChildren().setAll(GrainCells.flow(vm.profile(), r, value, cell, t));
                boolean choosable = value != null && !m.masked();
                LazyTooltip.set(cell, choosable ? t.get("review.clickToChoose") : null);
                cell.setOnMouseClicked(choosable ? e -> vm.choose(r.field(), m.id()) : null);
            }
            GoldenField golden = goldens.get(row);
            String before = r.golden() == null ? "" : r.golden();
            if (!golden.getText().equals(before)) {
                golden.setText(before);
            }
            restyle(golden, r.manual() ? "golden-manual" : "golden");
            golden.setEditable(!vm.readOnly());
            golden.setOnAction(e -> vm.setManual(r.field(), golden.getText().isBlank() ? null : golden.getText()));
            if (leaving.get(row) != null) {
                golden.focusedProperty().removeListener(leaving.get(row));
            }
            ChangeListener<Boolean> left = (o, was, now) -> {
                if (!now && !golden.getText().equals(before)) {
                    vm.setManual(r.field(), golden.getText().isBlank() ? null : golden.getText());
                }
            };
            golden.focusedProperty().addListener(left);
            leaving.set(row, left);
        }
    }

    /** Sets the style classes a fill gives a reused node, taking off those it gave before. */
    private static void restyle(Node node, String... styles) {
        @SuppressWarnings("unchecked")
        List<String> had = (List<String>) node.getProperties().get(DYNAMIC);
        List<String> now = List.of(styles);
        if (now.equals(had)) {
            return;
        }
        if (had != null) {
            had.forEach(s -> node.getStyleClass().remove(s));
        }
        node.getStyleClass().addAll(0, now);
        node.getProperties().put(DYNAMIC, now);
    }

    /**
     * Why no cluster is shown, agreeing with the queue beside it: an empty queue, a case reference still missing,
     * a cluster on its way, or none chosen yet.
     */
    static String emptyText(ReviewViewModel vm, I18n t) {
        if (vm.queue().isEmpty()) {
            return vm.busyProperty().get() ? t.get("review.loading") : t.get("review.empty");
        }
        if (vm.caseRefProperty().get().isBlank() && vm.caseReferenceNeeded()) {
            return t.get("review.caseFirst");
        }
        return vm.busyProperty().get() ? t.get("review.opening") : t.get("review.chooseCluster");
    }

    private static Node header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        l.setPadding(new Insets(4));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setWrapText(true);
        return l;
    }

    private static Node bar(FieldRow r, I18n t) {
        if (r.weight() == null) {
            Region empty = new Region();
            empty.getStyleClass().add("bar-cell");
            return empty;
        }
        double w = r.weight();
        Region bar = new Region();
        bar.getStyleClass().add(w >= 0 ? "bar-positive" : "bar-negative");
        bar.setPrefHeight(10);
        // a row grown to a long golden value's lines keeps a bar, not a column
        bar.setMaxHeight(10);
        bar.setMinWidth(2);
        bar.setPrefWidth(Math.max(2, Math.min(1, Math.abs(w) / MAX_BITS) * 40));
        bar.setMaxWidth(bar.getPrefWidth());
        Label text = new Label(String.format(t.locale(), "%+.1f", w));
        text.getStyleClass().add("text-small");
        HBox box = new HBox(4, bar, text);
        box.getStyleClass().add("bar-cell");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        LazyTooltip.install(box, t.get("review.contribution", r.comparison(), String.format(t.locale(), "%+.1f", w)));
        return box;
    }
}
