package de.grw.ui.review;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * A golden value: one line of text that wraps within its column and grows as high as its lines, so that the clerk
 * reads a long value (a street with its additions, an e-mail address, a double name) whole at any window width; a
 * one-line text field showed only its start in the golden record's column (at most 280 px) and a tooltip is no place
 * for the value a decision is made on.
 * <p>
 * It behaves like a text field: Enter takes the value ({@link #setOnAction}, an {@link ActionEvent}), Tab and
 * Shift+Tab move the cursor on and back, and a line break typed or pasted becomes a space.
 */
final class GoldenField extends TextArea {
    private final ObjectProperty<EventHandler<ActionEvent>> onAction = new SimpleObjectProperty<>(this, "onAction") {
        @Override
        protected void invalidated() {
            setEventHandler(ActionEvent.ACTION, get());
        }
    };

    GoldenField() {
        getStyleClass().add("golden-field");
        setWrapText(true);
        setPrefRowCount(1);
        // the column decides the width; the text its height
        setPrefColumnCount(6);
        setMinHeight(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        setTextFormatter(new TextFormatter<String>(change -> {
            if (change.getText().indexOf('\n') >= 0 || change.getText().indexOf('\r') >= 0
                    || change.getText().indexOf('\t') >= 0) {
                change.setText(change.getText().replaceAll("[\\r\\n\\t]+", " "));
            }
            return change;
        }));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isAltDown() && !e.isShortcutDown()) {
                e.consume();
                fireEvent(new ActionEvent());
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                // a text area types a tab; Ctrl+Tab is its key to move on (Ctrl+Shift+Tab back)
                e.consume();
                fireEvent(new KeyEvent(e.getSource(), this, KeyEvent.KEY_PRESSED, e.getCharacter(), e.getText(),
                        KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        textProperty().addListener((o, was, now) -> requestLayout());
        widthProperty().addListener((o, was, now) -> requestLayout());
        skinProperty().addListener((o, was, now) -> {
            if (lookup(".scroll-pane") instanceof ScrollPane pane) {
                pane.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
                pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            }
        });
    }

    public ObjectProperty<EventHandler<ActionEvent>> onActionProperty() {
        return onAction;
    }

    public void setOnAction(EventHandler<ActionEvent> handler) {
        onAction.set(handler);
    }

    /**
     * As high as the value's lines at this width: the text area's own content (its text and padding) asked for its
     * height at the width of the area's view, plus the area's and its scroll pane's insets.
     */
    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth();
        if (w <= 0 || !(lookup(".scroll-pane") instanceof ScrollPane pane)
                || !(pane.getContent() instanceof Region lines)) {
            return super.computePrefHeight(width);
        }
        double view = w - snappedLeftInset() - snappedRightInset() - pane.snappedLeftInset()
                - pane.snappedRightInset();
        return Math.ceil(snappedTopInset() + snappedBottomInset() + pane.snappedTopInset() + pane.snappedBottomInset()
                + lines.prefHeight(Math.max(1, view)));
    }
}
