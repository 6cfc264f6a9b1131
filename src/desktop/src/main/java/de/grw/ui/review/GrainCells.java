package de.grw.ui.review;

import de.grw.profile.MatchProfile;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TextDiff;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A record's value in the side-by-side grid at its {@link ValueGrain}: the same text plain; written differently but
 * the same after normalising in a style of its own (not a conflict) with a tooltip saying so; a near value (a typo)
 * with the differing characters highlighted; an unrelated value marked as a whole. A legend under the grid names the
 * three styles.
 */
final class GrainCells {
    private GrainCells() {
    }

    /** The value's text, styled by its grain against the golden value; the cell gets the grain's style class. */
    static TextFlow flow(MatchProfile profile, FieldRow r, String value, StackPane cell, I18n t) {
        TextFlow flow = new TextFlow();
        ValueGrain grain = profile == null ? null : ValueGrain.of(profile, r.field(), r.golden(), value);
        if (value == null || grain == null || value.equals(de.grw.api.Comparisons.MASK)) {
            if (value != null) {
                flow.getChildren().add(styled(value, "same-text"));
            }
            return flow;
        }
        cell.getProperties().put(ValueGrain.class, grain);
        switch (grain) {
            case SAME -> flow.getChildren().add(styled(value, "same-text"));
            case WRITTEN_DIFFERENTLY -> {
                flow.getChildren().add(styled(value, "grain-normalised"));
                cell.getStyleClass().add("cell-grain-normalised");
                de.grw.ui.common.LazyTooltip.install(flow, (t.get("grain.normalised", value, r.golden())));
            }
            case NEAR -> {
                for (TextDiff.Segment s : TextDiff.segments(r.golden(), value)) {
                    flow.getChildren().add(styled(s.text(), s.same() ? "same-text" : "diff-text"));
                }
                de.grw.ui.common.LazyTooltip.install(flow, (t.get("grain.near", value, r.golden())));
            }
            case UNRELATED -> {
                flow.getChildren().add(styled(value, "grain-unrelated"));
                cell.getStyleClass().add("cell-grain-unrelated");
                de.grw.ui.common.LazyTooltip.install(flow, (t.get("grain.unrelated", value)));
            }
        }
        return flow;
    }

    private static Text styled(String text, String style) {
        Text out = new Text(text);
        out.getStyleClass().add(style);
        return out;
    }

    /** The grid with the legend of the three grains under it. */
    static Node withLegend(Node grid, I18n t) {
        FlowPane legend = new FlowPane(12, 4);
        legend.setId("grain-legend");
        legend.getStyleClass().add("grain-legend");
        legend.getChildren().addAll(sample(t.get("grain.legend.normalised"), "grain-legend-sample-normalised"),
                sample(t.get("grain.legend.near"), "grain-legend-sample-near"),
                sample(t.get("grain.legend.unrelated"), "grain-legend-sample-unrelated"));
        VBox box = new VBox(4, grid, legend);
        box.getStylesheets().add(PairExplanationPanel.STYLESHEET);
        return box;
    }

    private static Label sample(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("text-small", style);
        return l;
    }
}
