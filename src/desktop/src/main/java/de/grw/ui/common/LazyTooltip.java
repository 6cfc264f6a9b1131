package de.grw.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the mouse first enters its node, not when the node is built. A tooltip is a popup window of
 * its own; the review's grid and explanation had dozens of them per cluster, made on the FX thread between a key
 * press and the next cluster on screen, though a clerk working by keyboard never sees one. A node that is reused for
 * other values (the review's grid) gets its new text with {@link #set}.
 */
public final class LazyTooltip {
    private static final String TEXT = LazyTooltip.class.getName() + ".text";
    private static final String TIP = LazyTooltip.class.getName() + ".tip";

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

    /**
     * Gives a node that is reused for other values its tooltip's text now ({@code null}: none); the tooltip itself is
     * made at the first hover.
     */
    public static void set(Node node, String text) {
        Object had = node.getProperties().get(TEXT);
        if (java.util.Objects.equals(had, text) && node.getProperties().containsKey(TEXT)) {
            return;
        }
        node.getProperties().put(TEXT, text);
        if (node.getProperties().get(TIP) instanceof Tooltip tip) {
            if (text == null) {
                Tooltip.uninstall(node, tip);
                node.getProperties().remove(TIP);
                install(node, () -> (String) node.getProperties().get(TEXT), true);
            } else {
                tip.setText(text);
            }
            return;
        }
        if (!Boolean.TRUE.equals(node.getProperties().get(TEXT + ".armed"))) {
            node.getProperties().put(TEXT + ".armed", true);
            install(node, () -> (String) node.getProperties().get(TEXT), true);
        }
    }

    private static void install(Node node, Supplier<String> text, boolean reused) {
        EventHandler<MouseEvent> once = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                String now = text.get();
                if (now == null) {
                    return; // no tooltip for the value shown now; a later one may have one
                }
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tip = new Tooltip(now);
                node.getProperties().put(TIP, tip);
                Tooltip.install(node, tip);
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, once);
    }
}
