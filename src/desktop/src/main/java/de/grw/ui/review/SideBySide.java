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
import javafx.scene.text.TextFlow;

/**
 * The side-by-side comparison: records as columns, fields as rows, the characters that differ from the golden value
 * highlighted, each row's contribution to the score as a bar, and the golden record as the last column. Clicking a
 * cell takes its value; the golden cell can be typed into; a header check box takes a record out of the merge.
 * <p>
 * The grid's cells are made once, with a row for every field of the profile a cluster can show and record columns
 * for the largest cluster shown so far (and one more), and filled anew for each cluster and each choice (a cluster
 * hides the rows and columns it leaves empty): the next cluster reuses the check boxes, text fields and cells of the
 * one before, so that the key press that moves on costs no new controls, skins and style lookups on the FX thread
 * (those were most of the time between the key and the next cluster on screen).
 * <p>
 * Ids name a node's column, not its record ({@code member-in-1}, {@code cell-given_names-2}; the record a column
 * shows now is the nodes' {@link #RECORD} property), and a fill changes a style class only where it differs: JavaFX
 * matches a node's styles again whenever its id or a style class changes and caches the match by id, so ids by
 * record made every cell and check box of every new cluster a cache miss (a full selector match, and one more cache
 * entry for the rest of the session). Values' text nodes and contribution bars are reused the same way.
 */
final class SideBySide {
    private static final double MAX_BITS = 16;
    /** Style classes a fill sets on a reused node; those it set before are taken off first. */
    private static final String DYNAMIC = SideBySide.class.getName() + ".styles";
    /** Record columns the first grid has (a larger cluster makes one with a column more than it needs). */
    static final int FIRST_COLUMNS = 4;
    /** Key of a record column's nodes' property naming the record they show now. */
    static final String RECORD = SideBySide.class.getName() + ".record";

    /** The grid made for the last shape, with the legend under it, or null. */
    private Node content;
    private GridPane grid;
    private List<String> fields = List.of();
    /** Record columns the grid has; a smaller cluster leaves the last ones hidden. */
    private int capacity = -1;
    private final List<VBox> heads = new ArrayList<>();
    /** Per row of the grid, its nodes: hidden where the cluster shown has no value for the row's field. */
    private final List<List<Node>> rowNodes = new ArrayList<>();
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
        int members = view.members().size();
        if (content == null || members > capacity || !within(shape, fields)) {
            // room for a few records more than needed, so that a session of growing clusters makes few grids
            make(Math.max(FIRST_COLUMNS, members > capacity ? members + 1 : capacity), union(fields, shape, vm), t);
        }
        fill(vm, t, state);
        return content;
    }

    /** Whether the fields of a cluster are rows of the grid, in the grid's order (a subsequence of it). */
    static boolean within(List<String> shape, List<String> rows) {
        int at = 0;
        for (String field : shape) {
            while (at < rows.size() && !rows.get(at).equals(field)) {
                at++;
            }
            if (at == rows.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * The grid's rows: every field of the profile a cluster can show, with those it had and the cluster's, in the
     * profile's order (a cluster leaves out the fields none of its records has), so that a cluster with other fields
     * hides rows instead of making a grid.
     */
    static List<String> union(List<String> had, List<String> shape, ReviewViewModel vm) {
        de.grw.profile.MatchProfile profile = vm.profile();
        if (profile == null) {
            return shape;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(had);
        wanted.addAll(shape);
        // every field a cluster can show (all but the records' keys), so that no later cluster needs a new grid
        for (de.grw.profile.FieldSpec f : profile.fields()) {
            if (f.type() != de.grw.profile.FieldType.ID) {
                wanted.add(f.name());
            }
        }
        List<String> out = new ArrayList<>();
        for (de.grw.profile.FieldSpec f : profile.fields()) {
            if (wanted.remove(f.name())) {
                out.add(f.name());
            }
        }
        return within(shape, out) && wanted.isEmpty() ? out : shape;
    }

    /**
     * Makes the grid's nodes for up to this many records and these fields (their texts come with {@link #fill},
     * which hides the record columns a smaller cluster leaves empty).
     */
    private void make(int members, List<String> shape, I18n t) {
        RedrawTimes.add("grid made", RedrawTimes.now());
        capacity = members;
        fields = shape;
        heads.clear();
        rowNodes.clear();
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
        grid.getProperties().put(FrozenColumns.GOLDEN, 2 + members);
        grid.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints(90));
        for (int i = 0; i <= members; i++) {
            grid.getColumnConstraints().add(new ColumnConstraints(110, 150, 300));
        }
        grid.add(header(t.get("review.field")), 0, 0);
        grid.add(header(t.get("review.why")), 1, 0);
        for (int i = 0; i < members; i++) {
            CheckBox include = new CheckBox(t.get("review.inMerge"));
            CheckBox marked = new CheckBox(t.get("review.mark"));
            // ids by column (record 1 … n), not by record: see the class comment
            include.setId("member-in-" + (i + 1));
            marked.setId("member-mark-" + (i + 1));
            Label title = new Label();
            title.getStyleClass().add("text-bold");
            Label block = new Label();
            block.getStyleClass().add("danger");
            VBox head = new VBox(2, title, include, marked, block);
            head.getStyleClass().add("record-header");
            head.setPadding(new Insets(4));
            grid.add(head, 2 + i, 0);
            heads.add(head);
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
            List<Node> parts = new ArrayList<>(List.of(label));
            rowNodes.add(parts);
            StackPane bar = new StackPane(barBox());
            bar.getStyleClass().add("bar-cell");
            bar.setAlignment(Pos.CENTER_LEFT);
            grid.add(bar, 1, row + 1);
            bars.add(bar);
            parts.add(bar);
            List<StackPane> line = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                StackPane cell = new StackPane(new TextFlow());
                cell.setId("cell-" + field + "-" + (i + 1));
                cell.setAlignment(Pos.CENTER_LEFT);
                cell.setPadding(new Insets(4));
                grid.add(cell, 2 + i, row + 1);
                line.add(cell);
                parts.add(cell);
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
            parts.add(goldenCell);
            leaving.add(null);
        }
        content = GrainCells.withLegend(grid, t);
    }

    /** Puts a cluster's records, rows and the clerk's choices into the grid's nodes. */
    private void fill(ReviewViewModel vm, I18n t, ClusterState state) {
        ClusterView view = state.view();
        List<MemberRecord> members = view.members();
        grid.getProperties().put(FrozenColumns.CLUSTER, view.clusterId());
        grid.getProperties().put(FrozenColumns.RECORDS, members.size());
        // the columns a smaller cluster leaves empty are hidden (kept for the next larger one, as they are styled)
        for (int i = 0; i < capacity; i++) {
            show(heads.get(i), i < members.size());
        }
        for (int i = 0; i < members.size(); i++) {
            MemberRecord m = members.get(i);
            CheckBox include = in.get(i);
            include.getProperties().put(RECORD, m.id());
            include.setSelected(!vm.excluded().contains(m.id()));
            include.setOnAction(e -> vm.toggleExcluded(m.id()));
            CheckBox marked = mark.get(i);
            marked.getProperties().put(RECORD, m.id());
            marked.setSelected(vm.marked().contains(m.id()));
            marked.setOnAction(e -> vm.toggleMarked(m.id()));
            // a cluster another clerk holds is shown, not changed
            include.setDisable(vm.readOnly());
            marked.setDisable(vm.readOnly());
            titles.get(i).setText(m.source() + "\n" + m.recordKey());
            LazyTooltip.set(titles.get(i), m.source() + " · " + m.recordKey());
            blocked.get(i).setText(m.masked() ? t.get("review.masked") : m.blocked() ? t.get("review.blocked") : "");
        }
        // a hidden column keeps no record of an earlier, larger cluster and takes no action
        for (int i = members.size(); i < capacity; i++) {
            for (CheckBox box : List.of(in.get(i), mark.get(i))) {
                box.getProperties().remove(RECORD);
                box.setOnAction(null);
                box.setDisable(true);
            }
        }
        List<FieldRow> rows = state.rows();
        // the grid's row of each of the cluster's fields (the grid's fields in the same order), the others hidden
        int[] at = new int[rows.size()];
        int next = 0;
        for (int k = 0; k < rows.size(); k++) {
            while (!fields.get(next).equals(rows.get(k).field())) {
                hideRow(next++);
            }
            at[k] = next++;
        }
        while (next < fields.size()) {
            hideRow(next++);
        }
        for (int k = 0; k < rows.size(); k++) {
            FieldRow r = rows.get(k);
            int row = at[k];
            // label, contribution, the record columns (those of this cluster shown), golden value
            List<Node> parts = rowNodes.get(row);
            for (int p = 0; p < parts.size(); p++) {
                show(parts.get(p), p < 2 || p == parts.size() - 1 || p - 2 < members.size());
            }
            Label label = labels.get(row);
            label.setText(r.label());
            restyle(label, r.labelStyle());
            LazyTooltip.set(label, r.equalAfterNormalising() ? t.get("review.equalAfterNormalising") : null);
            bar((HBox) bars.get(row).getChildren().get(0), r, t);
            for (int i = 0; i < members.size(); i++) {
                String value = r.values().get(i);
                MemberRecord m = members.get(i);
                StackPane cell = cells.get(row).get(i);
                cell.getProperties().put(RECORD, m.id());
                cell.getProperties().remove(ValueGrain.class);
                restyle(cell, r.originColumn() == i ? "cell-chosen" : "cell");
                // equal, written differently (same after normalising), near (a typo) or unrelated
                GrainCells.fill((TextFlow) cell.getChildren().get(0), vm.profile(), r, value, cell, t);
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

    /** Hides a row the cluster shown has no field for; what was typed into its golden value is not taken. */
    private void hideRow(int row) {
        rowNodes.get(row).forEach(n -> show(n, false));
        GoldenField golden = goldens.get(row);
        if (leaving.get(row) != null) {
            golden.focusedProperty().removeListener(leaving.get(row));
            leaving.set(row, null);
        }
        golden.setOnAction(null);
    }

    private static void show(Node node, boolean on) {
        if (node.isVisible() != on) {
            node.setVisible(on);
            node.setManaged(on);
        }
    }

    /**
     * Sets the style classes a fill gives a reused node, taking off those it gave before; false where they were set
     * already. A node whose classes changed is marked for {@link FrozenColumns} to measure with its new styles.
     */
    private static boolean restyle(Node node, String... styles) {
        @SuppressWarnings("unchecked")
        List<String> had = (List<String>) node.getProperties().get(DYNAMIC);
        List<String> now = List.of(styles);
        if (now.equals(had)) {
            return false;
        }
        node.getProperties().put(FrozenColumns.RESTYLED, Boolean.TRUE);
        if (had != null) {
            had.forEach(s -> node.getStyleClass().remove(s));
        }
        node.getStyleClass().addAll(0, now);
        node.getProperties().put(DYNAMIC, now);
        return true;
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

    /** A row's contribution: a bar and its weight in bits, filled by {@link #bar(HBox, FieldRow, I18n)}. */
    private static HBox barBox() {
        Region bar = new Region();
        bar.setPrefHeight(10);
        // a row grown to a long golden value's lines keeps a bar, not a column
        bar.setMaxHeight(10);
        bar.setMinWidth(2);
        Label text = new Label();
        text.getStyleClass().add("text-small");
        HBox box = new HBox(4, bar, text);
        box.getStyleClass().add("bar-cell");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    /** Shows a row's contribution in its box (nothing where the row has no weight). */
    private static void bar(HBox box, FieldRow r, I18n t) {
        Region bar = (Region) box.getChildren().get(0);
        Label text = (Label) box.getChildren().get(1);
        boolean weighted = r.weight() != null;
        bar.setVisible(weighted);
        text.setVisible(weighted);
        if (!weighted) {
            text.setText("");
            LazyTooltip.set(box, null);
            return;
        }
        double w = r.weight();
        if (restyle(bar, w >= 0 ? "bar-positive" : "bar-negative") && box.getParent() != null) {
            box.getParent().getProperties().put(FrozenColumns.RESTYLED, Boolean.TRUE);
        }
        bar.setPrefWidth(Math.max(2, Math.min(1, Math.abs(w) / MAX_BITS) * 40));
        bar.setMaxWidth(bar.getPrefWidth());
        String bits = String.format(t.locale(), "%+.1f", w);
        text.setText(bits);
        LazyTooltip.set(box, t.get("review.contribution", r.comparison(), bits));
    }
}
