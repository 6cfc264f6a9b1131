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
    /**
     * The table of a call's small record set: comparing and scoring read the prepared fields only, so no table of the
     * candidates' canonical values is built per call (it was a dictionary encoding of every value of every field).
     */
    private final RecordTable noTable;
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
        this.noTable = new RecordTable.Builder(profile.fields().size(), 0).build();
        // the features the level tests and contradiction rules read (phonetic codes, tokens, blank-free forms) of
        // every workspace value, computed once now (a batch's prepared records have them already): each call takes
        // its candidates' from here instead of computing them again
        CompiledComparisons all = comparisonsTemplate.bind(base);
        Contradictions.bind(profile.contradictions(), base, all);
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
        PreparedField[] prepared = new PreparedField[fields];
        int[] slots = new int[Integer.highestOneBit(2 * (k + 1)) << 2];
        for (int f = 0; f < fields; f++) {
            prepared[f] = field(f, normalised[f], self, candidates, added, slots);
        }
        PreparedRecords records = PreparedRecords.of(noTable, profile, prepared);
        CompiledComparisons comparisons = comparisonsTemplate.bind(records);
        Scorer scorer = scorer(comparisons);
        Contradictions.Bound contradictions = Contradictions.bind(profile.contradictions(), records, comparisons);
        int built = recordIds.length;
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

    /**
     * One field of a call's small record set: the incoming record (0) and the candidates (1..k), each distinct
     * normalised value once, counted as in the workspace (with the records added since, and with the incoming
     * record when it is not stored), as a batch over the workspace plus this record would count it. Built records'
     * values are told apart by their ids in the workspace's field (no string hashing), and their features
     * (phonetic codes, tokens) are the workspace's, computed when the index was built ({@link PreparedField#subsetOf}).
     *
     * @param slots scratch for an open-addressing table of a power of two {@code cap} above 2(k+1) slots: workspace
     *              id + 1 (0: free) in {@code [0, cap)}, the mini id in {@code [cap, 2 cap)}
     */
    private PreparedField field(int f, String own, int self, int[] candidates, LinkAdded added, int[] slots) {
        int k = candidates.length;
        int built = recordIds.length;
        boolean anyAdded = added.size() > 0;
        PreparedField full = base.field(f);
        boolean counted = self < 0 && own != null;
        int extra = counted ? 1 : 0;
        int[] ids = new int[k + 1];
        String[] values = new String[k + 1];
        int[] counts = new int[k + 1];
        int[] origin = new int[k + 1];
        int distinct = 0;
        int ownBase = -1;
        if (own != null) {
            values[0] = own;
            origin[0] = -1;
            distinct = 1;
        } else {
            ids[0] = -1;
        }
        int cap = slots.length / 2;
        java.util.Arrays.fill(slots, 0, cap, 0);
        int mask = cap - 1;
        boolean addedCandidates = false;
        for (int i = 0; i < k; i++) {
            int c = candidates[i];
            if (c >= built) {
                addedCandidates = true; // after every built one (candidates ascend): told apart by value below
                continue;
            }
            int id = full.id(c);
            if (id < 0) {
                ids[i + 1] = -1;
                continue;
            }
            int h = (id * 0x9E3779B9) >>> 7 & mask;
            while (slots[h] != 0 && slots[h] != id + 1) {
                h = (h + 1) & mask;
            }
            int mini;
            if (slots[h] != 0) {
                mini = slots[cap + h];
            } else {
                String v = full.valueOfId(id);
                if (own != null && ownBase < 0 && v.equals(own)) {
                    ownBase = id;
                    mini = 0;
                } else {
                    mini = distinct++;
                    values[mini] = v;
                    origin[mini] = id;
                    counts[mini] = full.count(id) + (anyAdded ? added.count(f, v) : 0);
                }
                slots[h] = id + 1;
                slots[cap + h] = mini;
            }
            ids[i + 1] = mini;
        }
        if (addedCandidates) {
            for (int i = 0; i < k; i++) {
                int c = candidates[i];
                if (c < built) {
                    continue;
                }
                // an added record: its value counted among the built records where term frequencies are used
                // (elsewhere no count is read, and the value lookup is not built) and among the added ones
                String v = added.normalised(c, f);
                if (v == null) {
                    ids[i + 1] = -1;
                    continue;
                }
                int mini = -1;
                for (int m = 0; m < distinct; m++) {
                    if (values[m].equals(v)) {
                        mini = m;
                        break;
                    }
                }
                if (mini < 0) {
                    mini = distinct++;
                    values[mini] = v;
                    int id = tfField[f] ? full.idOf(v) : -1;
                    origin[mini] = id;
                    counts[mini] = (id >= 0 ? full.count(id) : 0) + added.count(f, v);
                }
                ids[i + 1] = mini;
            }
        }
        if (own != null) {
            ids[0] = 0;
            // a value no candidate carries is counted in the workspace only where term frequencies are used
            int id = ownBase >= 0 ? ownBase : tfField[f] ? full.idOf(own) : -1;
            origin[0] = id;
            counts[0] = (id >= 0 ? full.count(id) : 0) + (anyAdded ? added.count(f, own) : 0) + extra;
        }
        return PreparedField.subsetOf(full, ids, java.util.Arrays.copyOf(values, distinct),
                java.util.Arrays.copyOf(counts, distinct), java.util.Arrays.copyOf(origin, distinct),
                full.presentCount() + added.present(f) + extra);
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
