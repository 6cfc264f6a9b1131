package de.grw.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps what a clerk must read whole in a narrow window: a field never narrower than its prompt (which says what
 * to type, or what the settings require), a label or button never narrower than its words.
 */
public final class Fit {
    private Fit() {
    }

    /** The field is at least as wide as its prompt, in its font (applied with the style sheet). */
    public static <T extends TextInputControl> T prompt(T field) {
        InvalidationListener fit = o -> field.setMinWidth(Math.ceil(width(field.getPromptText(), field.getFont())
                + field.snappedLeftInset() + field.snappedRightInset()) + 2);
        field.fontProperty().addListener(fit);
        field.promptTextProperty().addListener(fit);
        field.insetsProperty().addListener(fit);
        fit.invalidated(null);
        return field;
    }

    /** An editable combo box is at least as wide as its prompt and its arrow. */
    public static <T extends ComboBox<?>> T prompt(T box) {
        TextInputControl editor = box.getEditor();
        InvalidationListener fit = o -> box.setMinWidth(Math.ceil(width(box.getPromptText(), editor.getFont())
                + editor.snappedLeftInset() + editor.snappedRightInset()) + 40);
        editor.fontProperty().addListener(fit);
        editor.insetsProperty().addListener(fit);
        box.promptTextProperty().addListener(fit);
        fit.invalidated(null);
        return box;
    }

    /** Labels, buttons and check boxes keep their whole text: the layout gives way elsewhere. */
    public static void words(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Control c) {
                c.setMinWidth(Control.USE_PREF_SIZE);
            }
        }
    }

    /**
     * A table's column headings stay whole: once the table's skin is there, every column is at least as wide as its
     * heading in the heading's font (a constrained resize policy then takes the room from the wider columns, and
     * the table scrolls sideways when even that is not enough).
     */
    public static void headings(javafx.scene.control.TableView<?> table) {
        fitColumns(table, false);
    }

    /**
     * As {@link #headings}, and every column also at least as wide as its widest value (measured again whenever the
     * rows change): for a short table whose values must be read whole (the accounts); the table scrolls sideways
     * where the window is too narrow for all.
     */
    public static void columns(javafx.scene.control.TableView<?> table) {
        fitColumns(table, true);
    }

    private static void fitColumns(javafx.scene.control.TableView<?> table, boolean values) {
        Runnable fit = () -> {
            table.applyCss();
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof javafx.scene.control.skin.TableColumnHeader header)
                        || header.getTableColumn() == null) {
                    continue;
                }
                Node label = header.lookup(".label");
                if (!(label instanceof javafx.scene.control.Label l)) {
                    continue;
                }
                var column = header.getTableColumn();
                double needed = Math.ceil(width(column.getText(), l.getFont()) + l.snappedLeftInset()
                        + l.snappedRightInset() + header.snappedLeftInset() + header.snappedRightInset()) + 6;
                if (values && column instanceof javafx.scene.control.TableColumn<?, ?> c) {
                    // the values in the cells' regular face (the heading's may be bold), with a cell's padding
                    Font face = Font.font(l.getFont().getFamily(), l.getFont().getSize());
                    for (int i = 0; i < table.getItems().size(); i++) {
                        Object v = c.getCellData(i);
                        needed = Math.max(needed, Math.ceil(width(v == null ? "" : v.toString(), face)) + 20);
                    }
                }
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
                if (column.getPrefWidth() < needed) {
                    column.setPrefWidth(needed);
                }
            }
        };
        if (values) {
            // a constrained policy never scrolls sideways: where the columns' least widths are more than the table
            // has, it gives way to the unconstrained one (with its scroll bar), and comes back when there is room
            var constrained = table.getColumnResizePolicy();
            Runnable policy = () -> {
                double least = table.getColumns().stream().mapToDouble(c -> c.getMinWidth()).sum();
                var wanted = least > table.getWidth() - 20 ? javafx.scene.control.TableView
                        .UNCONSTRAINED_RESIZE_POLICY : constrained;
                if (table.getWidth() > 0 && table.getColumnResizePolicy() != wanted) {
                    table.setColumnResizePolicy(wanted);
                }
            };
            Runnable measure = fit;
            fit = () -> {
                measure.run();
                policy.run();
            };
            table.widthProperty().addListener(o -> policy.run());
        }
        Runnable then = fit;
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                javafx.application.Platform.runLater(then);
            }
        });
        if (values) {
            table.getItems().addListener((javafx.beans.InvalidationListener) o ->
                    javafx.application.Platform.runLater(then));
        }
        if (table.getSkin() != null) {
            then.run();
        }
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
