package de.grw.api;

import de.grw.review.ExplanationText;

import de.grw.journal.CanonicalJson;
import de.grw.profile.MatchProfile;
import de.grw.review.ComparisonService;
import de.grw.review.ComparisonTable;
import de.grw.review.FieldChoice;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.workspace.GovernanceConfig;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a clerk or a supervisor sees side by side, computed in the front end's own process from a cluster or golden
 * record already loaded (the engine's {@link ComparisonService}): no I/O, so the review recomputes it on the FX
 * thread at every choice. It reveals nothing the loaded view did not hold: masked values stay masked.
 */
public final class Comparisons {
    /** How a value the viewer may not see is shown; it is masked before it leaves the workspace. */
    public static final String MASK = de.grw.review.RecordLoader.MASK;
    private final ComparisonService service;

    public Comparisons(MatchProfile profile, GovernanceConfig governance) {
        this.service = new ComparisonService(profile, governance);
    }

    /**
     * A cluster under review: all its records as columns, the golden record proposed from the records to merge
     * with the clerk's choices.
     *
     * @param merged  the records to merge; all members when {@code null} or when none would be left
     * @param choices the clerk's choices by field or field group
     */
    public ComparisonTable cluster(ClusterView view, Collection<Long> merged, Map<String, FieldChoice> choices) {
        return service.cluster(view, merged, choices);
    }

    /** A merge awaiting approval: its records as columns, the golden record with the clerk's choices. */
    public ComparisonTable merge(ClusterView view, DecisionView mergeDecision) {
        if (!(mergeDecision.payload().command() instanceof MergeCommand merge)) {
            throw new IllegalArgumentException("decision " + mergeDecision.id() + " is no merge");
        }
        return service.merge(view, merge);
    }

    /** A golden record: its records as columns, its stored values with their origin. */
    public ComparisonTable golden(GoldenView view) {
        return service.golden(view);
    }

    /**
     * A pair's explanation (its {@code explanationJson}) as rows: comparison, level, weight in bits, and what the pair
     * is weighed against ({@code others}, or a household class such as {@code household}); words for them in
     * {@link ExplanationText}.
     */
    public static List<String[]> explanation(String explanationJson) {
        return ExplanationText.rows(explanationJson);
    }

    /** The prior match weight (bits) of a pair's explanation. */
    public static double prior(String explanationJson) {
        return CanonicalJson.parse(explanationJson).path("prior").asDouble();
    }
}
