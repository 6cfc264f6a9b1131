package de.grw.linking;

import de.grw.linking.LinkIndex.Action;
import de.grw.linking.LinkIndex.Candidate;
import de.grw.linking.LinkIndex.Group;
import de.grw.linking.LinkIndex.Result;
import de.grw.matching.MatchResult;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.Scorer;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.LevelSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Compares an incoming record with its candidates and scores the pairs as the batch does: the record and its
 * candidates form a small record set whose fields carry the workspace's value counts (so term-frequency adjustments
 * are the workspace's), the profile's comparisons are compiled over that set, and the pairs are oriented as in the
 * batch (the lower record index first; an incoming record comes after every stored one). Then the scored candidates
 * are grouped by golden record and an action is suggested. Safe for concurrent callers.
 */
final class LinkScoring {
    private final MatchProfile profile;
    private final PreparedRecords base;
    private final long[] recordIds;
    private final double threshold;
    private final double linkThreshold;
    /** Per field: whether a level's term frequency is taken from it. */
    private final boolean[] tfField;
    private final ModelParameters model;
    /** The profile's comparisons with their tests created once; bound to each call's records. */
    private final CompiledComparisons.Template comparisonsTemplate;
    /** The model's weight tables, computed at the first call; rebound to each call's comparisons. */
    private volatile Scorer template;

    LinkScoring(MatchProfile profile, ModelParameters model, PreparedRecords base, long[] recordIds,
                double threshold, double linkThreshold) {
        this.profile = profile;
        this.base = base;
        this.recordIds = recordIds;
        this.model = model;
        this.comparisonsTemplate = CompiledComparisons.template(profile);
        this.threshold = threshold;
        this.linkThreshold = linkThreshold;
        this.tfField = new boolean[profile.fields().size()];
        for (ComparisonSpec c : profile.comparisons()) {
            for (LevelSpec l : c.levels()) {
                if (l.tf() != null) {
                    tfField[profile.fieldIndex(l.tf())] = true;
                }
            }
        }
        for (int f = 0; f < tfField.length; f++) {
            if (tfField[f]) {
                base.field(f).buildLookup(); // built with the index, not by the first caller (others wait)
            }
        }
    }

    /** A scorer over a call's comparisons; the model's weight tables are computed once (racing callers agree). */
    private Scorer scorer(CompiledComparisons comparisons) {
        Scorer t = template;
        if (t == null) {
            t = new Scorer(comparisons, model, profile.model().minTermFrequency(), profile.model().priorRecords());
            template = t;
            return t;
        }
        return t.rebind(comparisons);
    }

    /**
     * Compares and scores the record (mini index 0) with each candidate, then groups and suggests.
     *
     * @param added  the records added since the build (candidates from {@code added.base()} on); their values count
     *               in the term frequencies as a rebuild would count them
     * @param golden the golden record of a database id, or {@code null}
     */
    Result score(String[] canonical, String[] normalised, int self, int[] candidates, LinkAdded added,
                 LongFunction<String> golden) {
        int k = candidates.length;
        if (k == 0) {
            return new Result(List.of(), Action.NEW, 0);
        }
        int fields = canonical.length;
        RecordTable table = base.table();
        RecordTable.Builder tb = new RecordTable.Builder(fields, k + 1);
        int incoming = tb.addSource("\u0000incoming");
        tb.add(incoming, "incoming", canonical); // the builder copies the values
        String[] row = new String[fields];
        int built = recordIds.length;
        for (int c : candidates) {
            if (c < built) {
                for (int f = 0; f < fields; f++) {
                    row[f] = table.value(c, f);
                }
                tb.add(tb.addSource(table.sourceName(c)), table.recordId(c), row);
            } else {
                for (int f = 0; f < fields; f++) {
                    row[f] = added.canonical(c, f);
                }
                tb.add(tb.addSource(added.source(c)), added.key(c), row);
            }
        }
        RecordTable mini = tb.build();
        PreparedField[] prepared = new PreparedField[fields];
        String[] values = new String[k + 1];
        int[] counts = new int[k + 1];
        for (int f = 0; f < fields; f++) {
            PreparedField full = base.field(f);
            String own = normalised[f];
            boolean counted = self < 0 && own != null;
            int extra = counted ? 1 : 0;
            int ownId = -1;
            for (int i = 0; i < k; i++) {
                int c = candidates[i];
                if (c < built) {
                    int id = full.id(c);
                    if (id >= 0) {
                        values[i + 1] = full.valueOfId(id);
                        counts[i + 1] = full.count(id) + added.count(f, values[i + 1])
                                + (counted && values[i + 1].equals(own) ? 1 : 0);
                        if (ownId < 0 && own != null && values[i + 1].equals(own)) {
                            ownId = id;
                        }
                    } else {
                        values[i + 1] = null;
                        counts[i + 1] = 0;
                    }
                } else {
                    // an added record: its value counted among the built records where term frequencies are used
                    // (elsewhere no count is read, and the value lookup is not built) and among the added ones
                    String v = added.normalised(c, f);
                    values[i + 1] = v;
                    if (v != null) {
                        counts[i + 1] = (tfField[f] ? countOf(full, v) : 0) + added.count(f, v)
                                + (counted && v.equals(own) ? 1 : 0);
                    } else {
                        counts[i + 1] = 0;
                    }
                }
            }
            values[0] = own;
            if (own != null) {
                // a value no candidate carries is counted in the workspace only where term frequencies are used
                int count = ownId >= 0 ? full.count(ownId) : tfField[f] ? countOf(full, own) : 0;
                counts[0] = count + added.count(f, own) + extra;
            }
            prepared[f] = PreparedField.ofNormalised(full.name(), values, counts,
                    full.presentCount() + added.present(f) + extra);
        }
        PreparedRecords records = PreparedRecords.of(mini, profile, prepared);
        CompiledComparisons comparisons = comparisonsTemplate.bind(records);
        Scorer scorer = scorer(comparisons);
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        List<Candidate> scored = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int c = candidates[i];
            // the batch orients a pair by record index; an incoming record comes after every stored one
            boolean selfFirst = self >= 0 && self < c;
            int a = selfFirst ? 0 : i + 1;
            int b = selfFirst ? i + 1 : 0;
            long pattern = comparisons.pattern(a, b);
            float weight = (float) scorer.weight(pattern, a, b);
            double probability = Scorer.probability(weight);
            if (probability < threshold) {
                continue;
            }
            List<Contribution> lines = scorer.explain(pattern, a, b);
            boolean contradicted = false;
            if (contradictions.hasDirectRules()) {
                lines = new ArrayList<>(lines);
                String reason = contradictions.directReason(a, b);
                contradicted = reason != null;
                lines.add(new Contribution(MatchResult.CONTRADICTION, reason == null ? "missing" : reason, 0.0,
                        false));
            }
            long id = c < built ? recordIds[c] : added.id(c);
            scored.add(new Candidate(c, id, golden.apply(id), probability, weight, List.copyOf(lines), contradicted));
        }
        return group(scored, k);
    }

    private static int countOf(PreparedField field, String value) {
        int id = field.idOf(value);
        return id < 0 ? 0 : field.count(id);
    }

    private Result group(List<Candidate> scored, int compared) {
        scored.sort(Comparator.comparingDouble(Candidate::probability).reversed()
                .thenComparingLong(Candidate::recordId));
        Map<String, List<Candidate>> byGroup = new LinkedHashMap<>();
        for (Candidate c : scored) {
            String key = c.golden() != null ? "G:" + c.golden() : "R:" + c.recordId();
            byGroup.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
        }
        List<Group> groups = new ArrayList<>();
        int linkable = 0;
        for (List<Candidate> members : byGroup.values()) {
            Candidate best = members.get(0);
            boolean contradicted = members.stream().anyMatch(Candidate::contradicted);
            Action action = best.probability() >= linkThreshold && !contradicted ? Action.LINK : Action.REVIEW;
            linkable += action == Action.LINK ? 1 : 0;
            groups.add(new Group(best.golden(), best.probability(), action, List.copyOf(members)));
        }
        Action suggestion = groups.isEmpty() ? Action.NEW : linkable == 1 && groups.get(0).action() == Action.LINK
                ? Action.LINK : Action.REVIEW;
        return new Result(List.copyOf(groups), suggestion, compared);
    }
}
