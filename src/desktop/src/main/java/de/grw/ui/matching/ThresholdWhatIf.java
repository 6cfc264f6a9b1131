package de.grw.ui.matching;

import de.grw.api.ThresholdFigures;
import de.grw.ui.common.I18n;
import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What moving the threshold would change, from a run's {@link ThresholdFigures}: for the threshold being tried (the
 * match screen's threshold) the groups and pairs at or above it ("Bei 0,85: 1.234 Gruppen, 2.345 Paare"), beside the
 * run's own. Knows no controls.
 */
public final class ThresholdWhatIf {
    private final I18n t;
    private final ObjectProperty<ThresholdFigures> figures = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> tried;
    private final StringBinding whatIf;
    private final StringBinding run;
    private final BooleanBinding differs;

    /** @param tried the threshold being tried (a probability; the screen's threshold) */
    public ThresholdWhatIf(I18n t, ObjectProperty<Double> tried) {
        this.t = t;
        this.tried = tried;
        whatIf = Bindings.createStringBinding(() -> {
            ThresholdFigures f = figures.get();
            Double p = tried.get();
            return f == null || p == null ? "" : line("match.whatIf", f.nearest(p));
        }, figures, tried);
        run = Bindings.createStringBinding(() -> {
            ThresholdFigures f = figures.get();
            return f == null ? "" : line("match.whatIfRun", f.nearest(f.threshold()));
        }, figures);
        differs = Bindings.createBooleanBinding(() -> {
            ThresholdFigures f = figures.get();
            Double p = tried.get();
            return f != null && p != null && Math.abs(p - f.threshold()) > 1e-9;
        }, figures, tried);
    }

    private String line(String key, ThresholdFigures.Step s) {
        if (s == null) {
            return t.get("match.noFigures");
        }
        return t.get(key, probability(s.threshold()), s.clusters(), s.pairs());
    }

    /** A probability as the screen writes it: two or three decimals in the user's language. */
    public String probability(double p) {
        NumberFormat f = NumberFormat.getNumberInstance(t.locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(3);
        return f.format(p);
    }

    /** The figures of the run shown; {@code null} before a run (or when the server has none). */
    public ObjectProperty<ThresholdFigures> figuresProperty() {
        return figures;
    }

    /** "Bei 0,85: 1.234 Gruppen, 2.345 Paare" for the threshold tried (the nearest candidate threshold). */
    public StringBinding whatIfText() {
        return whatIf;
    }

    /** The same for the run's own threshold. */
    public StringBinding runText() {
        return run;
    }

    /** Whether the threshold tried is not the run's: a new run would change something. */
    public BooleanBinding differsFromRun() {
        return differs;
    }

    /** The threshold tried. */
    public ObjectProperty<Double> triedProperty() {
        return tried;
    }
}
