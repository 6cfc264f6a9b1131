package de.grw.ui.importing;

import de.grw.importing.ColumnQuality;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One column of the file in the mapping table: its name, the chosen target, why, and its quality profile. */
public final class ColumnRow {
    private final int index;
    private final String name;
    private final ObjectProperty<TargetOption> target = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<ColumnQuality> quality = new SimpleObjectProperty<>();

    public ColumnRow(int index, String name, TargetOption target, String reason, ColumnQuality quality) {
        this.index = index;
        this.name = name;
        this.target.set(target);
        this.reason.set(reason);
        this.quality.set(quality);
    }

    /** Position of the column in the file. */
    public int index() {
        return index;
    }

    /** The column name as in the file's header. */
    public String name() {
        return name;
    }

    public ObjectProperty<TargetOption> targetProperty() {
        return target;
    }

    public TargetOption target() {
        return target.get();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObjectProperty<ColumnQuality> qualityProperty() {
        return quality;
    }

    public ColumnQuality quality() {
        return quality.get();
    }
}
