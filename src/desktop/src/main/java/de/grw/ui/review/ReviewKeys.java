package de.grw.ui.review;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The review's keys, on the scene while the review is shown (a field that had the cursor may be gone after a redraw,
 * as after Enter in a golden value, and the keys work all the same): Alt+M merge, Alt+N not a duplicate, Alt+T
 * split, Alt+Z defer, Ctrl+Z undo, Page Down / Page Up (Alt+Right / Alt+Left) next and previous cluster,
 * Alt+Shift+Left / Alt+Shift+Right the previous or next record where not all fit side by side (the ◀ ▶ buttons), Alt+P /
 * Alt+Shift+P the next or previous pair explained, Alt+B the comment, F1 the help, and the values of the records:
 * Alt+1 … Alt+9 in a golden value, or 1 … 9 where the cursor is in no text field, take the value of record 1 … 9
 * for that field (the field whose golden value had the cursor last; the first field before any), the way a click
 * on the record's cell does, and bring that record into view when it was scrolled out of it. That field's golden value
 * is marked ({@code golden-current}).
 */
final class ReviewKeys {
    /** The style class of the golden value that the digits fill. */
    static final String CURRENT = "golden-current";
    private static final String GOLDEN = "golden-";

    private final ReviewViewModel vm;
    private final ScrollPane center;
    private final Node help;
    /** The grid's frozen parts and the records shown: a record out of view is brought into it. */
    private final FrozenColumns frozen;
    /** The field whose golden value had the cursor last, or null (the first field of the grid). */
    private String field;

    private ReviewKeys(ReviewViewModel vm, ScrollPane center, Node help, FrozenColumns frozen) {
        this.vm = vm;
        this.frozen = frozen;
        this.center = center;
        this.help = help;
    }

    /**
     * Puts the keys on the scene of {@code root} while it is in one (the review is shown), and marks the field the
     * digits fill whenever the grid is drawn anew.
     */
    static ReviewKeys install(ReviewViewModel vm, Parent root, ScrollPane center, Node help, FrozenColumns frozen) {
        ReviewKeys keys = new ReviewKeys(vm, center, help, frozen);
        EventHandler<KeyEvent> filter = keys::pressed;
        javafx.beans.value.ChangeListener<Node> focus = (o, was, now) -> keys.focused(now);
        root.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
                was.focusOwnerProperty().removeListener(focus);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, filter);
                now.focusOwnerProperty().addListener(focus);
            }
        });
        center.contentProperty().addListener((o, was, now) -> keys.mark());
        return keys;
    }

    private void pressed(KeyEvent e) {
        // the clerk is at work: the claim is renewed and the changes are asked for (not after ten idle minutes)
        vm.live().touched();
        if (handled(e)) {
            e.consume();
        }
    }

    private boolean handled(KeyEvent e) {
        KeyCode code = e.getCode();
        int digit = digit(code);
        Node owner = center.getScene() == null ? null : center.getScene().getFocusOwner();
        if (digit > 0 && !e.isControlDown() && !e.isMetaDown() && !e.isShortcutDown()) {
            // Alt+digit in a golden value, a plain digit anywhere but in a text field (where it is typed)
            boolean inGolden = owner instanceof GoldenField f && f.getId() != null && f.getId().startsWith(GOLDEN);
            if (e.isAltDown() && !e.isShiftDown() && (inGolden || !(owner instanceof TextInputControl))
                    || !e.isAltDown() && !e.isShiftDown() && !(owner instanceof TextInputControl)) {
                return pick(digit);
            }
            return false;
        }
        if (code == KeyCode.F1) {
            help.setVisible(!help.isVisible());
        } else if (code == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
        } else if (e.isAltDown() && e.isShiftDown() && (code == KeyCode.LEFT || code == KeyCode.RIGHT)) {
            // the records' ◀ ▶ where not all of them fit side by side
            return frozen.step(code == KeyCode.LEFT ? -1 : 1);
        } else if (e.isAltDown() && code == KeyCode.P) {
            vm.explained().step(e.isShiftDown() ? -1 : 1);
        } else if (e.isAltDown() && code == KeyCode.B) {
            Node comment = center.getScene() == null ? null : center.getScene().lookup("#review-comment");
            if (comment == null || comment.isDisabled()) {
                return false;
            }
            comment.requestFocus();
        } else if (code == KeyCode.PAGE_DOWN || (e.isAltDown() && code == KeyCode.RIGHT)) {
            vm.next();
        } else if (code == KeyCode.PAGE_UP || (e.isAltDown() && code == KeyCode.LEFT)) {
            vm.previous();
        } else if (e.isAltDown() && code == KeyCode.M) {
            decided(vm.merge());
        } else if (e.isAltDown() && code == KeyCode.N) {
            decided(vm.notDuplicate());
        } else if (e.isAltDown() && code == KeyCode.T) {
            decided(vm.split());
        } else if (e.isAltDown() && code == KeyCode.Z) {
            decided(vm.defer());
        } else if (e.isShortcutDown() && code == KeyCode.Z) {
            vm.undo();
        } else {
            return false;
        }
        return true;
    }

    /** 1 … 9 on the main keys or the number pad, else 0. */
    static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    /**
     * Takes record {@code n}'s value for the field the digits fill, through the same choice a click on its cell
     * makes; a record the cluster does not have, or one without a value there (or masked), is said in the message.
     */
    private boolean pick(int n) {
        ClusterState state = vm.stateProperty().get();
        ClusterView view = state.view();
        if (view == null || state.rows().isEmpty()) {
            return false;
        }
        FieldRow row = state.rows().stream().filter(r -> r.field().equals(field)).findFirst()
                .orElse(state.rows().get(0));
        List<MemberRecord> members = view.members();
        if (n > members.size() || row.values().get(n - 1) == null || members.get(n - 1).masked()) {
            vm.messageProperty().set(vm.t().get("review.pickNone", n, row.label()));
            return true;
        }
        // what was typed into the golden value and not taken gives way to the record's value
        if (center.getContent() != null
                && center.getContent().lookup("#" + GOLDEN + row.field()) instanceof GoldenField golden) {
            golden.setText(row.golden() == null ? "" : row.golden());
        }
        field = row.field();
        vm.choose(row.field(), members.get(n - 1).id());
        // the record whose value was taken comes into view when it was scrolled out of it
        frozen.bringIntoView(n - 1);
        return true;
    }

    /** The cursor moved: into a golden value, that field is the one the digits fill from now on. */
    private void focused(Node now) {
        if (now instanceof GoldenField f && f.getId() != null && f.getId().startsWith(GOLDEN)) {
            String chosen = f.getId().substring(GOLDEN.length());
            if (!chosen.equals(field)) {
                field = chosen;
                mark();
            }
        }
    }

    /** Marks the golden value the digits fill (the grid was drawn anew, or another field chosen). */
    void mark() {
        Node grid = center.getContent();
        if (grid == null) {
            return;
        }
        for (Node n : grid.lookupAll("." + CURRENT)) {
            n.getStyleClass().remove(CURRENT);
        }
        List<FieldRow> rows = vm.stateProperty().get().rows();
        String marked = rows.stream().anyMatch(r -> r.field().equals(field)) ? field
                : rows.isEmpty() ? null : rows.get(0).field();
        if (marked != null && grid.lookup("#" + GOLDEN + marked) instanceof GoldenField golden) {
            golden.getStyleClass().add(CURRENT);
        }
    }

    /** After a decision the cursor waits in the comparison, where the keys for the next cluster work. */
    private void decided(boolean sent) {
        if (sent) {
            center.requestFocus();
        }
    }
}
