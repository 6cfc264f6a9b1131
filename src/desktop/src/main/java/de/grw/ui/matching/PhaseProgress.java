package de.grw.ui.matching;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The progress of one phase of a match run: 0 before it starts, -1 while it runs without a known amount of work,
 * up to 1 when done; with a detail such as "12.000 von 48.000".
 */
public final class PhaseProgress {
    /** Progress value of a phase running without a known amount of work. */
    public static final double INDETERMINATE = -1;

    private final String key;
    private final String label;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty detail = new SimpleStringProperty("");

    public PhaseProgress(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The engine's phase key, e.g. {@code compare}. */
    public String key() {
        return key;
    }

    /** The localised name of the phase. */
    public String label() {
        return label;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public double progress() {
        return progress.get();
    }

    public StringProperty detailProperty() {
        return detail;
    }

    void reset() {
        progress.set(0);
        detail.set("");
    }
}
