package de.grw.learning;

import de.grw.review.DecisionPayload;
import de.grw.review.DecisionState;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.store.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerks' decisions as labelled record pairs, the training data of {@link LabelledTraining}.
 *
 * <ul>
 *   <li>an approved merge ({@link DecisionState#EFFECTIVE}) labels every pair of its members a match;</li>
 *   <li>a not-a-duplicate labels its two records a non-match;</li>
 *   <li>a split labels every pair of records in different groups a non-match (pairs inside one group are not
 *       decided: the group goes back to the queue);</li>
 *   <li>a decision that is pending, rejected, withdrawn or reverted gives no label: only decisions in effect teach,
 *       and a revert takes its decision's labels back;</li>
 *   <li>deferrals and reverts themselves label nothing;</li>
 *   <li>where several decisions in effect label one pair, the latest (highest id) counts.</li>
 * </ul>
 * The list is ordered by pair (lower id, then higher id) and immutable.
 */
public final class Labels {
    private Labels() {
    }

    /** The labels of the decisions given (any order; those not in effect are skipped). */
    public static List<LabelledPair> fromDecisions(List<DecisionView> decisions) {
        List<DecisionView> sorted = new ArrayList<>(decisions);
        sorted.sort(Comparator.comparingLong(DecisionView::id));
        Map<Long, LabelledPair> byPair = new LinkedHashMap<>();
        for (DecisionView d : sorted) {
            if (d.state() != DecisionState.EFFECTIVE) {
                continue;
            }
            for (LabelledPair p : pairsOf(d)) {
                byPair.put(p.key(), p);
            }
        }
        return byPair.values().stream()
                .sorted(Comparator.comparingLong(LabelledPair::leftRecordId)
                        .thenComparingLong(LabelledPair::rightRecordId))
                .toList();
    }

    /** The labels of the decisions in effect in a workspace (one read). */
    public static List<LabelledPair> fromDecisions(Workspace workspace) {
        return workspace.read(Labels::fromDecisions);
    }

    /** As {@link #fromDecisions(Workspace)}, inside a transaction the caller holds. */
    public static List<LabelledPair> fromDecisions(Connection c) throws SQLException {
        return fromDecisions(LabelRepository.decisionsInEffect(c));
    }

    /** The pairs one decision labels, whatever its state. */
    static List<LabelledPair> pairsOf(DecisionView d) {
        List<LabelledPair> out = new ArrayList<>();
        DecisionPayload payload;
        switch (d.kind()) {
            case MERGE, NOT_DUPLICATE, SPLIT -> payload = d.payload();
            default -> {
                return out;
            }
        }
        if (payload instanceof DecisionPayload.Merge merge) {
            List<Long> m = merge.members();
            for (int i = 0; i < m.size(); i++) {
                for (int j = i + 1; j < m.size(); j++) {
                    out.add(new LabelledPair(m.get(i), m.get(j), true, d.id()));
                }
            }
        } else if (payload instanceof DecisionPayload.NotDuplicate nd) {
            out.add(new LabelledPair(nd.records().get(0), nd.records().get(1), false, d.id()));
        } else if (payload instanceof DecisionPayload.Split split) {
            List<List<Long>> groups = split.groups();
            for (int g = 0; g < groups.size(); g++) {
                for (int h = g + 1; h < groups.size(); h++) {
                    for (long a : groups.get(g)) {
                        for (long b : groups.get(h)) {
                            out.add(new LabelledPair(a, b, false, d.id()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
