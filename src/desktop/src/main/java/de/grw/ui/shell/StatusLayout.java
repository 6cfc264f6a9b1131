package de.grw.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * The status bar's two sides: who and where at the left, the running task (its title and phase, progress, cancel) at
 * the right, on one line while both fit; where they do not (a task running in a window 1024 px wide), the task moves
 * to a second line of the whole width, so that neither the user, the workspace and the buttons nor the task's words
 * are cut to "…".
 */
final class StatusLayout extends Region {
    private final Region left;
    private final Region right;
    private final double gap;

    StatusLayout(Region left, Region right, double gap) {
        this.left = left;
        this.right = right;
        this.gap = gap;
        getChildren().addAll(left, right);
    }

    /** Both sides on one line at this width (the task's side alone or hidden counts as fitting). */
    boolean oneLine(double width) {
        if (!right.isManaged() || width < 0) {
            return true;
        }
        double room = width - snappedLeftInset() - snappedRightInset();
        return left.prefWidth(-1) + gap + right.prefWidth(-1) <= room;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + left.prefWidth(-1)
                + (right.isManaged() ? gap + right.prefWidth(-1) : 0);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(left.minWidth(-1),
                right.isManaged() ? right.minWidth(-1) : 0);
    }

    @Override
    protected double computePrefHeight(double width) {
        double insets = snappedTopInset() + snappedBottomInset();
        if (!right.isManaged()) {
            return insets + left.prefHeight(-1);
        }
        return insets + (oneLine(width) ? Math.max(left.prefHeight(-1), right.prefHeight(-1))
                : left.prefHeight(-1) + gap / 2 + right.prefHeight(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        if (!right.isManaged()) {
            left.resizeRelocate(x, y, Math.min(w, left.prefWidth(-1)), left.prefHeight(-1));
            return;
        }
        double lw = Math.min(w, left.prefWidth(-1));
        double rw = Math.min(w, right.prefWidth(-1));
        if (oneLine(getWidth())) {
            double h = Math.max(left.prefHeight(-1), right.prefHeight(-1));
            left.resizeRelocate(x, y, lw, h);
            right.resizeRelocate(x + w - rw, y, rw, h);
        } else {
            double lh = left.prefHeight(-1);
            left.resizeRelocate(x, y, lw, lh);
            right.resizeRelocate(x, y + lh + gap / 2, rw, right.prefHeight(-1));
        }
    }
}
