package de.grw.ui.review;

import de.grw.review.BulkViews;
import de.grw.review.BulkViews.SampledCluster;
import de.grw.review.BulkViews.SkipReason;
import de.grw.review.MemberRecord;
import de.grw.ui.common.I18n;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * What bulk work shows before and after: the random sample (each cluster with its records, one line per record, as
 * the engine masked them) and the outcome in words ("47 vorgeschlagen, 2 übersprungen: bereits entschieden").
 */
public final class BulkSampleView {
    private BulkSampleView() {
    }

    /** The sampled clusters, one block each; {@code heading} words a cluster's first line. */
    public static ScrollPane sample(List<SampledCluster> sample, java.util.function.Function<SampledCluster,
            String> heading) {
        VBox blocks = new VBox(10);
        blocks.setId("bulk-sample");
        blocks.setPadding(new Insets(4));
        for (SampledCluster c : sample) {
            Label title = new Label(heading.apply(c));
            title.getStyleClass().add("text-bold");
            title.setWrapText(true);
            VBox block = new VBox(2, title);
            block.getStyleClass().add("bulk-sample-cluster");
            for (MemberRecord m : c.members()) {
                List<String> values = new ArrayList<>();
                for (String v : m.values()) {
                    if (v != null && !v.isBlank()) {
                        values.add(v);
                    }
                }
                Label line = new Label(m.source() + " " + m.recordKey() + ": " + String.join(" · ", values));
                line.setWrapText(true);
                block.getChildren().add(line);
            }
            blocks.getChildren().add(block);
        }
        ScrollPane scroll = new ScrollPane(blocks);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        return scroll;
    }

    /** "Gruppe 12 · 0,995 · melderegister, sozialamt". */
    public static String clusterHeading(SampledCluster c, I18n t) {
        return t.get("bulk.sampleCluster", String.valueOf(c.clusterId()),
                String.format(t.locale(), "%.3f", c.minProbability()), String.join(", ", c.sources()));
    }

    /**
     * The outcome: "{n} vorgeschlagen" ({@code doneKey}), then per reason "2 übersprungen: bereits entschieden"
     * ({@code skippedKey}).
     */
    public static String result(BulkViews.Result result, I18n t, String doneKey, String skippedKey) {
        StringBuilder out = new StringBuilder(t.get(doneKey, result.decided().size()));
        Map<SkipReason, Integer> by = new EnumMap<>(SkipReason.class);
        result.skipped().forEach(s -> by.merge(s.reason(), 1, Integer::sum));
        by.forEach((reason, n) -> out.append(", ").append(t.get(skippedKey, n,
                t.get(reasonKey(reason)))));
        return out.toString();
    }

    /** The text key of a reason a cluster was skipped for (each named, so that the bundle test sees it). */
    static String reasonKey(SkipReason reason) {
        return switch (reason) {
            case ALREADY_DECIDED -> "bulk.reason.ALREADY_DECIDED";
            case CLAIMED -> "bulk.reason.CLAIMED";
            case OUT_OF_FILTER -> "bulk.reason.OUT_OF_FILTER";
            case OWN_PROPOSAL -> "bulk.reason.OWN_PROPOSAL";
            case REFUSED -> "bulk.reason.REFUSED";
        };
    }

    /** A wrapping label. */
    static Label text(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    /** Nodes stacked with room between them. */
    static VBox stack(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.setPadding(new Insets(8));
        return box;
    }
}
