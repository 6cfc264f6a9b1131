package de.grw.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Finds text a clerk cannot read in a shown scene: a {@link Labeled} (label, button, check box, list row, tab,
 * column heading) whose displayed text differs from its text (cut to "…"), a prompt text wider than its field, a value
 * wider than its field (or a wrapped value higher than its area), and a
 * control that runs out of the window where no scroll bar reaches it. Cells of data tables are left out: their
 * columns can be widened and the table scrolls.
 */
final class ElidedText {
    private ElidedText() {
    }

    /** One text that does not fit: where, what it says, what is shown. */
    record Problem(String where, String node, String text, String shown) {
        @Override
        public String toString() {
            return where + ": " + node + " \"" + text + "\" shown as \"" + shown + "\"";
        }
    }

    /** The problems of a scene (call on the FX thread, after layout). */
    static List<Problem> in(Scene scene, String where) {
        List<Problem> out = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        visit(scene.getRoot(), scene, where, false, out);
        return out;
    }

    private static void visit(Node node, Scene scene, String where, boolean scrollable, List<Problem> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof TableCell<?, ?>) {
            return;
        }
        // what a scroll bar reaches (a scroll pane, a list, a table with its headings) is not out of the window
        boolean inScroll = scrollable || node instanceof ScrollPane || node instanceof VirtualFlow<?>
                || node instanceof TableView<?>;
        if (node instanceof Labeled l && l.getWidth() > 0) {
            labeled(l, scene, where, inScroll, out);
        }
        if (node instanceof TextInputControl f && f.getWidth() > 0) {
            prompt(f, where, out);
            value(f, where, out);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, scene, where, inScroll, out);
            }
        }
    }

    private static void labeled(Labeled l, Scene scene, String where, boolean inScroll, List<Problem> out) {
        String text = l.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        Text shown = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                shown = t;
            }
        }
        if (shown == null) {
            return;
        }
        String displayed = shown.getText();
        String expected = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        if (!shown.isVisible() || !(displayed.equals(expected) || displayed.equals(text))) {
            out.add(new Problem(where, describe(l), text, shown.isVisible() ? displayed : "(hidden)"));
            return;
        }
        if (!inScroll) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1) {
                out.add(new Problem(where, describe(l), text, "outside the window at x " + (int) b.getMinX()
                        + "…" + (int) b.getMaxX() + ", y " + (int) b.getMinY() + "…" + (int) b.getMaxY()));
            }
        }
    }

    private static void prompt(TextInputControl f, String where, List<Problem> out) {
        String prompt = f.getPromptText();
        if (prompt == null || prompt.isBlank()) {
            return;
        }
        Text probe = new Text(prompt);
        probe.setFont(f.getFont());
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        double needed = probe.getLayoutBounds().getWidth();
        if (needed > room + 0.5) {
            out.add(new Problem(where, describe(f) + " prompt", prompt, String.format(java.util.Locale.ROOT,
                    "needs %.0f px, has %.0f", needed, room)));
        }
    }

    /**
     * A value wider than its field (a one-line field shows only a part of it and scrolls), or a wrapped text area
     * whose lines need more height than it has: the clerk reads a part of the value. Password fields are left out.
     */
    private static void value(TextInputControl f, String where, List<Problem> out) {
        String text = f.getText();
        if (text == null || text.isEmpty() || f instanceof PasswordField) {
            return;
        }
        if (f instanceof TextArea area) {
            if (area.lookup(".scroll-pane") instanceof ScrollPane pane && pane.getContent() instanceof Region lines) {
                double room = pane.getViewportBounds().getHeight();
                double needed = lines.prefHeight(pane.getViewportBounds().getWidth());
                double wide = lines.prefWidth(-1);
                if (needed > room + 0.5 || !area.isWrapText() && wide > pane.getViewportBounds().getWidth() + 0.5) {
                    out.add(new Problem(where, describe(f) + " value", text, String.format(java.util.Locale.ROOT,
                            "needs %.0f x %.0f px, has %.0f x %.0f", wide, needed,
                            pane.getViewportBounds().getWidth(), room)));
                }
            }
            return;
        }
        Text probe = new Text(text);
        probe.setFont(f.getFont());
        double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
        double needed = probe.getLayoutBounds().getWidth();
        if (needed > room + 0.5) {
            out.add(new Problem(where, describe(f) + " value", text, String.format(java.util.Locale.ROOT,
                    "needs %.0f px, has %.0f", needed, room)));
        }
    }

    private static String describe(Node n) {
        StringBuilder path = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            path.append('#').append(n.getId());
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                path.append(" in #").append(p.getId());
                break;
            }
        }
        return path.toString();
    }
}
