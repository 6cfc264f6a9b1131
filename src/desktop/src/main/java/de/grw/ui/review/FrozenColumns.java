package de.grw.ui.review;

import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The side-by-side grid in its scroll pane with frozen parts, as a spreadsheet freezes panes: the field and
 * contribution columns stay at the left and the golden record at the right while the record columns scroll between
 * them; the heading row stays at the top while the fields scroll. One grid holds everything, so a row is as high in
 * every column. The record columns share the room between the frozen ones: as many as fit at a readable width are
 * shown, and when not all of them fit, a bar above says which are shown ("Datensätze 2–3 von 4", or "Datensatz 1
 * von 3" in a narrow window, one record beside the golden record) with buttons to the previous and next record.
 */
final class FrozenColumns {
    /** Room a record's column needs at least (its check boxes, a date, a short name on one line). */
    static final double MIN_RECORD = 150;
    /** Wider record columns only spread short values thin. */
    static final double MAX_RECORD = 320;
    static final double MIN_GOLDEN = 150;
    static final double MAX_GOLDEN = 280;
    /** Keys of the grid's properties: how many leading columns are frozen, how many records follow them. */
    static final String FROZEN = "frozen-columns";
    static final String RECORDS = "record-columns";
    /**
     * Key of the grid's property naming the golden record's column; the columns between the records shown and it
     * are hidden (kept by the grid for a larger cluster) and get no width.
     */
    static final String GOLDEN = "golden-column";
    /**
     * Key of a grid cell's property saying its style classes changed since it was last measured (its styles must be
     * applied before its width is known). A cell measured before and not restyled is measured without forcing CSS
     * on it: a changed text needs no styles, and forcing them on every frozen cell per cluster cost the FX thread
     * more than the rest of the sizing (issue 13).
     */
    static final String RESTYLED = "restyled";
    private static final String MEASURED = FrozenColumns.class.getName() + ".measured";
    /** Key of the grid's property naming the cluster it shows. */
    static final String CLUSTER = "cluster";

    private final ScrollPane scroll;
    private final Label shown = new Label();
    private final Button previous = new Button("\u25C0");
    private final Button next = new Button("\u25B6");
    private final HBox bar;
    /** Not all records are in view: the bar says which are. */
    private final javafx.beans.property.BooleanProperty partial = new javafx.beans.property.SimpleBooleanProperty();
    /** A control shown at the bar's start while it is visible itself (the queue's toggle in a narrow window). */
    private final javafx.beans.property.ObjectProperty<Node> lead = new javafx.beans.property.SimpleObjectProperty<>();
    private final VBox view;
    /** The scroll pane, and what floats over it (the queue in a narrow window). */
    private final javafx.scene.layout.StackPane over;
    private final I18n t;
    private GridPane grid;
    private Node legend;
    private int records;
    /** The cluster shown: redrawn after a choice, it stays scrolled where it was; another one starts at record 1. */
    private Object cluster;
    /** Record columns visible at once, and the width of each. */
    private int visible = 1;
    /** A record column to bring into view once the grid drawn anew is laid out, or -1. */
    private int pending = -1;
    private double recordWidth = MIN_RECORD;
    private final List<Node> left = new ArrayList<>();
    private final List<Node> right = new ArrayList<>();
    private final List<Node> top = new ArrayList<>();

    FrozenColumns(ScrollPane scroll, I18n t) {
        this.scroll = scroll;
        this.t = t;
        over = new javafx.scene.layout.StackPane(scroll);
        over.setMinWidth(0);
        scroll.setFitToWidth(false);
        shown.setId("records-shown");
        shown.setMinWidth(Control.USE_PREF_SIZE);
        previous.setId("records-previous");
        previous.setTooltip(new Tooltip(t.get("review.records.previous")));
        previous.setOnAction(e -> step(-1));
        next.setId("records-next");
        next.setTooltip(new Tooltip(t.get("review.records.next")));
        next.setOnAction(e -> step(1));
        for (Button b : List.of(previous, next)) {
            b.setMinWidth(Control.USE_PREF_SIZE);
            b.setFocusTraversable(false);
        }
        bar = new HBox(6, previous, shown, next);
        bar.setId("records-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 4, 0));
        bar.visibleProperty().bind(partial.or(lead.isNotNull()));
        bar.managedProperty().bind(bar.visibleProperty());
        previous.visibleProperty().bind(partial);
        next.visibleProperty().bind(partial);
        shown.visibleProperty().bind(partial);
        for (Node n : List.of(previous, next, shown)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        view = new VBox(bar, over);
        VBox.setVgrow(over, Priority.ALWAYS);
        view.setMinWidth(0);
        scroll.hvalueProperty().addListener((o, was, now) -> place());
        scroll.vvalueProperty().addListener((o, was, now) -> place());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (was.getWidth() != now.getWidth()) {
                size();
            }
            place();
        });
    }

    /** The bar of the records shown over the scroll pane. */
    Node view() {
        return view;
    }

    /** Lets a node float over the grid, at its left (or takes it away again). */
    void floating(Node node, boolean on) {
        if (on && !over.getChildren().contains(node)) {
            javafx.scene.layout.StackPane.setAlignment(node, Pos.TOP_LEFT);
            over.getChildren().add(node);
        } else if (!on) {
            over.getChildren().remove(node);
        }
    }

    /** Puts a control at the start of the bar, which is shown whenever that control is visible. */
    void lead(Node control) {
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        gap.setMinWidth(10);
        gap.visibleProperty().bind(control.visibleProperty());
        gap.managedProperty().bind(control.visibleProperty());
        bar.getChildren().addAll(0, List.of(control, gap));
        lead.bind(javafx.beans.binding.Bindings.when(control.visibleProperty()).then(control)
                .otherwise((Node) null));
    }

    /** Takes the scroll pane's new content (a grid built by {@link SideBySide}, or a note). */
    void attach(Node content) {
        GridPane found = content == null ? null : (GridPane) content.lookup("#side-by-side");
        if (found != null && found == grid) {
            // the same grid filled anew (the next cluster, or a choice): its parts are known, its records counted
            records = (Integer) grid.getProperties().get(RECORDS);
            size();
            Object shownNow = grid.getProperties().get(CLUSTER);
            if (!java.util.Objects.equals(shownNow, cluster)) {
                scroll.setHvalue(0);
                pending = -1;
            }
            cluster = shownNow;
            place();
            return;
        }
        grid = found;
        legend = content == null ? null : content.lookup("#grain-legend");
        left.clear();
        right.clear();
        top.clear();
        if (grid == null) {
            records = 0;
            cluster = null;
            partial.set(false);
            return;
        }
        records = (Integer) grid.getProperties().get(RECORDS);
        int frozen = (Integer) grid.getProperties().get(FROZEN);
        int golden = golden();
        // a grid shown before (a note stood between): its cells have their styles and listeners already
        boolean known = grid.getProperties().put(FrozenColumns.class, Boolean.TRUE) != null;
        for (Node n : grid.getChildren()) {
            int column = GridPane.getColumnIndex(n) == null ? 0 : GridPane.getColumnIndex(n);
            int row = GridPane.getRowIndex(n) == null ? 0 : GridPane.getRowIndex(n);
            boolean fixed = column < frozen || column >= golden;
            if (column < frozen) {
                left.add(n);
            } else if (column >= golden) {
                right.add(n);
            }
            if (row == 0) {
                top.add(n);
            }
            if (known) {
                continue;
            }
            n.getStyleClass().add("grid-cell");
            // drawn over the records that scroll beneath them: heading corners, frozen columns, record headings
            n.setViewOrder(row == 0 ? (fixed ? -3 : -2) : (fixed ? -1 : 0));
            if (column == frozen - 1) {
                n.getStyleClass().add("frozen-left-edge");
            } else if (column >= golden) {
                n.getStyleClass().add("frozen-right-edge");
            }
            if (!fixed) {
                // Tab to a record's check box brings its column into view
                int index = column - frozen;
                n.focusWithinProperty().addListener((o, was, now) -> {
                    if (now && !inView(index)) {
                        reveal(index);
                    }
                });
            }
        }
        if (!known) {
            // the grid's width and height are known after its layout: the frozen parts follow them
            GridPane mine = grid;
            mine.widthProperty().addListener(o -> {
                if (grid == mine) {
                    place();
                }
            });
            mine.heightProperty().addListener(o -> {
                if (grid == mine) {
                    place();
                }
            });
        }
        size();
        Object shownNow = grid.getProperties().get(CLUSTER);
        if (!java.util.Objects.equals(shownNow, cluster)) {
            scroll.setHvalue(0);
            pending = -1;
        }
        cluster = shownNow;
        place();
    }

    /** Column widths from the room the scroll pane has: frozen parts, then as many records as fit. */
    private void size() {
        if (grid == null) {
            return;
        }
        double room = scroll.getViewportBounds().getWidth();
        if (room <= 0) {
            return;
        }
        // styles are applied only to the cells measured below (each one's own styles first), not forced on the
        // whole grid: the grid filled anew for the next cluster is restyled where it changed, in the next pulse.
        // Forcing every check box and text field of the grid through CSS here was most of the FX thread's time
        // per key press (issue 13)
        int frozen = (Integer) grid.getProperties().get(FROZEN);
        List<ColumnConstraints> columns = grid.getColumnConstraints();
        double fixed = 0;
        for (int c = 0; c < frozen; c++) {
            double w = Math.ceil(widest(c, false));
            set(columns.get(c), w);
            fixed += w;
        }
        double least = MIN_RECORD;
        for (int c = frozen; c < frozen + records; c++) {
            least = Math.max(least, Math.ceil(widest(c, true)));
        }
        // as many records as fit beside the golden record at its narrowest; then the golden record widens up to
        // its share, the records share the rest, and the golden record takes what they leave, up to its widest
        visible = (int) Math.max(1, Math.min(records, Math.floor((room - fixed - MIN_GOLDEN) / least)));
        double share = Math.max(MIN_GOLDEN, Math.min(MAX_GOLDEN, room * 0.2));
        recordWidth = Math.floor(Math.max(least, Math.min(MAX_RECORD, (room - fixed - share) / visible)));
        double golden = Math.min(MAX_GOLDEN, room - fixed - visible * recordWidth);
        if (golden < MIN_GOLDEN) {
            // not even one record beside the golden record at its narrowest: the golden record gives way a little
            golden = Math.max(MIN_GOLDEN * 0.8, golden);
        }
        for (int c = frozen; c < golden(); c++) {
            set(columns.get(c), c < frozen + records ? recordWidth : 0);
        }
        set(columns.get(golden()), Math.floor(golden));
        partial.set(visible < records);
    }

    /**
     * The widest preferred width of a column's cells (a field's label, a record's heading with its check boxes); of
     * the heading only where the values wrap.
     */
    private double widest(int column, boolean heading) {
        double w = 0;
        for (Node n : grid.getChildren()) {
            Integer c = GridPane.getColumnIndex(n);
            Integer r = GridPane.getRowIndex(n);
            if ((c == null ? 0 : c) == column && n.isManaged() && (!heading || r == null || r == 0)) {
                if (n.getProperties().remove(RESTYLED) != null || !n.getProperties().containsKey(MEASURED)) {
                    n.applyCss();
                    if (n.getScene() != null) {
                        n.getProperties().put(MEASURED, Boolean.TRUE);
                    }
                }
                w = Math.max(w, n.minWidth(-1) > 0 ? Math.max(n.minWidth(-1), n.prefWidth(-1)) : n.prefWidth(-1));
            }
        }
        return w;
    }

    private static void set(ColumnConstraints c, double width) {
        c.setMinWidth(width);
        c.setPrefWidth(width);
        c.setMaxWidth(width);
    }

    /** The golden record's column (after the records' columns, shown and hidden). */
    private int golden() {
        Object golden = grid.getProperties().get(GOLDEN);
        return golden == null ? (Integer) grid.getProperties().get(FROZEN) + records : (Integer) golden;
    }

    /** Moves the frozen parts to where the scroll pane shows them and tells which records are in view. */
    private void place() {
        if (grid == null) {
            return;
        }
        if (pending >= 0 && grid.getWidth() > 0
                && scroll.getContent().getLayoutBounds().getWidth() > scroll.getViewportBounds().getWidth()) {
            int index = pending;
            pending = -1;
            if (!inView(index)) {
                reveal(index);
                return; // the scroll moved: place runs again
            }
        }
        Bounds viewport = scroll.getViewportBounds();
        Bounds content = scroll.getContent().getLayoutBounds();
        double x = Math.max(0, content.getWidth() - viewport.getWidth()) * scroll.getHvalue();
        double y = Math.max(0, content.getHeight() - viewport.getHeight()) * scroll.getVvalue();
        // the golden record's column ends the grid: brought to the viewport's right edge, never beyond the records
        double rightShift = Math.min(0, x + viewport.getWidth() - grid.getWidth());
        for (Node n : left) {
            n.setTranslateX(x);
        }
        for (Node n : right) {
            n.setTranslateX(rightShift);
        }
        for (Node n : top) {
            n.setTranslateY(y);
        }
        if (legend != null) {
            legend.setTranslateX(x);
        }
        int first = first();
        int last = Math.min(records, first + visible - 1);
        shown.setText(visible == 1 ? t.get("review.records.one", first, records)
                : t.get("review.records.range", first, last, records));
        previous.setDisable(first <= 1);
        next.setDisable(last >= records);
    }

    /** The number (1-based) of the first record column in view. */
    private int first() {
        double content = scroll.getContent().getLayoutBounds().getWidth();
        double x = Math.max(0, content - scroll.getViewportBounds().getWidth()) * scroll.getHvalue();
        return (int) Math.min(Math.max(1, records - visible + 1), Math.round(x / (recordWidth + grid.getHgap())) + 1);
    }

    /**
     * Shows the previous or next record (the columns scroll by one), as the ◀ ▶ buttons and Alt+Shift+← / → do;
     * false when all records are in view or there is none further that way.
     */
    boolean step(int by) {
        if (grid == null || !partial.get()) {
            return false;
        }
        int first = first();
        if (by < 0 && first <= 1 || by > 0 && first + visible - 1 >= records) {
            return false;
        }
        reveal(first - 1 + by);
        return true;
    }

    /**
     * Brings the record column with this index (0-based) into view when it is not, also in a grid drawn anew and
     * not yet laid out (after a digit took the record's value): then as soon as its width is known.
     */
    void bringIntoView(int index) {
        pending = -1;
        if (grid == null || index < 0 || index >= records) {
            return;
        }
        double range = scroll.getContent().getLayoutBounds().getWidth() - scroll.getViewportBounds().getWidth();
        if (range <= 0 || grid.getWidth() <= 0) {
            pending = index;
            return;
        }
        if (!inView(index)) {
            reveal(index);
        }
    }

    /** Scrolls the record column with this index (0-based) into view, as the first one shown where it can be. */
    void reveal(int index) {
        if (grid == null || records == 0) {
            return;
        }
        int target = Math.max(0, Math.min(records - visible, index));
        double range = scroll.getContent().getLayoutBounds().getWidth() - scroll.getViewportBounds().getWidth();
        if (range <= 0) {
            return;
        }
        scroll.setHvalue(Math.min(1, target * (recordWidth + grid.getHgap()) / range));
    }

    /** Index of the record column a node of the grid is in, or -1. */
    int recordOf(Node n) {
        if (grid == null) {
            return -1;
        }
        int frozen = (Integer) grid.getProperties().get(FROZEN);
        for (Node p = n; p != null && p != grid; p = p.getParent()) {
            if (p.getParent() == grid) {
                Integer c = GridPane.getColumnIndex(p);
                int column = c == null ? 0 : c;
                return column >= frozen && column < frozen + records ? column - frozen : -1;
            }
        }
        return -1;
    }

    /** Whether a record column is fully in view (not under a frozen part). */
    boolean inView(int index) {
        int first = first() - 1;
        return index >= first && index < first + visible;
    }
}
