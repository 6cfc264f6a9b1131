package de.grw.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the mouse first enters its node, not when the node is built. A tooltip is a popup window of
 * its own; the review's grid and explanation had dozens of them per cluster, made on the FX thread between a key
 * press and the next cluster on screen, though a clerk working by keyboard never sees one.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    /** Installs a tooltip with the supplied text on {@code node} the first time the mouse enters it. */
    public static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(text.get()));
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }

    /** As {@link #install(Node, Supplier)} with a fixed text. */
    public static void install(Node node, String text) {
        install(node, () -> text);
    }
}
