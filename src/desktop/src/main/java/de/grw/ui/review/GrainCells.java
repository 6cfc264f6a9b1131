package de.grw.ui.review;

import de.grw.profile.MatchProfile;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TextDiff;
import java.util.ArrayList;
import java.util.List;
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
    /** The style classes a cell gets for its value's grain. */
    static final List<String> CELL_STYLES = List.of("cell-grain-normalised", "cell-grain-unrelated");

    private GrainCells() {
    }

    /**
     * Puts the value's text, styled by its grain against the golden value, into a flow that is reused for the next
     * cluster (its text nodes are kept and given the new texts; a style class is changed only where it differs, as a
     * changed class makes JavaFX match the node's styles again); the cell gets the grain's style class.
     */
    static void fill(TextFlow flow, MatchProfile profile, FieldRow r, String value, StackPane cell, I18n t) {
        List<String[]> parts = new ArrayList<>(1);
        String tip = null;
        String cellStyle = null;
        ValueGrain grain = profile == null ? null : ValueGrain.of(profile, r.field(), r.golden(), value);
        if (value == null || grain == null || value.equals(de.grw.api.Comparisons.MASK)) {
            if (value != null) {
                parts.add(new String[] {value, "same-text"});
            }
        } else {
            cell.getProperties().put(ValueGrain.class, grain);
            switch (grain) {
                case SAME -> parts.add(new String[] {value, "same-text"});
                case WRITTEN_DIFFERENTLY -> {
                    parts.add(new String[] {value, "grain-normalised"});
                    cellStyle = "cell-grain-normalised";
                    tip = t.get("grain.normalised", value, r.golden());
                }
                case NEAR -> {
                    for (TextDiff.Segment s : TextDiff.segments(r.golden(), value)) {
                        parts.add(new String[] {s.text(), s.same() ? "same-text" : "diff-text"});
                    }
                    tip = t.get("grain.near", value, r.golden());
                }
                case UNRELATED -> {
                    parts.add(new String[] {value, "grain-unrelated"});
                    cellStyle = "cell-grain-unrelated";
                    tip = t.get("grain.unrelated", value);
                }
            }
        }
        for (String style : CELL_STYLES) {
            if (!style.equals(cellStyle)) {
                cell.getStyleClass().remove(style);
            }
        }
        if (cellStyle != null && !cell.getStyleClass().contains(cellStyle)) {
            cell.getStyleClass().add(cellStyle);
        }
        javafx.collections.ObservableList<Node> texts = flow.getChildren();
        for (int i = 0; i < parts.size(); i++) {
            String[] part = parts.get(i);
            if (i < texts.size()) {
                Text text = (Text) texts.get(i);
                text.setText(part[0]);
                if (text.getStyleClass().size() != 1 || !text.getStyleClass().get(0).equals(part[1])) {
                    text.getStyleClass().setAll(part[1]);
                }
            } else {
                texts.add(styled(part[0], part[1]));
            }
        }
        if (texts.size() > parts.size()) {
            texts.remove(parts.size(), texts.size());
        }
        de.grw.ui.common.LazyTooltip.set(flow, tip);
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
