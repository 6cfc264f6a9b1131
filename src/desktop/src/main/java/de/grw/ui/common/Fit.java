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
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
                if (column.getPrefWidth() < needed) {
                    column.setPrefWidth(needed);
                }
            }
        };
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                javafx.application.Platform.runLater(fit);
            }
        });
        if (table.getSkin() != null) {
            fit.run();
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
