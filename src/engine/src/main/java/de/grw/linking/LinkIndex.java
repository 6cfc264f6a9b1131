package de.grw.linking;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.cluster.Contradictions;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelParameters;
import de.grw.matching.model.Scorer;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.ComparisonSpec;
import de.grw.profile.LevelSpec;
import de.grw.profile.MatchProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The in-memory index behind real-time linking: a workspace's records prepared (normalised, dictionary-encoded) as
 * the batch match prepares them, and for every blocking rule of the profile the records by key. Linking one incoming
 * record blocks it with the batch match's rules (the same keys; a block over the profile's size limit is windowed
 * around the record by the profile's sort key, or left out for a rule with a block size of its own, exactly as the
 * {@link Blocker} does), compares it with each candidate with the profile's compiled comparisons and scores the pair
 * with the given model (the workspace's active one: the index never estimates). The candidates are therefore the
 * pairs a batch match over the workspace plus this record would score, with the same probabilities; the link
 * benchmark checks this on a sample.
 * <p>
 * How: the incoming record and its candidates form a small record set whose fields carry the workspace's value
 * counts ({@link PreparedField#ofNormalised}), so term-frequency adjustments are the workspace's; the profile's
 * comparisons are compiled over that small set and the pairs are oriented as in the batch (the lower record index
 * first; an incoming record comes after every stored one).
 * <p>
 * The index is immutable apart from the golden record each record belongs to ({@link #assignGolden}); it is safe
 * for any number of concurrent readers. Records arriving later are linked by building a new index (the workspace's
 * {@link LinkService} does so in the background and swaps it in).
 */
public final class LinkIndex {
    /** The probability from which a candidate is suggested for linking outright, unless told otherwise. */
    public static final double DEFAULT_LINK_PROBABILITY = 0.99;

    private final MatchProfile profile;
    private final ModelParameters model;
    private final double threshold;
    private final double linkThreshold;
    private final PreparedRecords base;
    private final long[] recordIds;
    private final Rule[] rules;
    private final List<PreparedField> sortFields;
    private final boolean[] tfField;
    private final Map<Long, String> goldenOf = new ConcurrentHashMap<>();

    /** One blocking rule: its entries ({@code key << bits | record}) sorted as the batch's blocker sorts them. */
    private record Rule(BlockingRuleSpec spec, int bits, long[] entries, int maxBlock, int window,
                        Map<Long, Window> windows) {
    }

    /** An oversized block in window order: sort keys and record indexes, by key then index. */
    private record Window(String[] keys, int[] records) {
    }

    /** What an incoming record is suggested for. */
    public enum Action {
        /** One golden record (or record) is certain enough to link to. */
        LINK,
        /** Candidates at or above the profile's threshold, but not certain: a clerk decides. */
        REVIEW,
        /** No candidate: a new person. */
        NEW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One stored record scored against the incoming one.
     *
     * @param index        its index in the link index
     * @param recordId     its database id
     * @param golden       the golden record it belongs to, or {@code null}
     * @param probability  the match probability of the pair
     * @param weight       the match weight (bits)
     * @param explanation  each comparison's contribution, then a contradiction line when the profile has rules
     * @param contradicted whether a direct contradiction forbids linking the two
     */
    public record Candidate(int index, long recordId, String golden, double probability, double weight,
                            List<Contribution> explanation, boolean contradicted) {
    }

    /**
     * The candidates that stand for one person: a golden record's records, or one record of none.
     *
     * @param golden      the golden record, or {@code null} for a single record
     * @param probability the highest probability among its records
     * @param action      {@link Action#LINK} at or above the link threshold without contradiction, else
     *                    {@link Action#REVIEW}
     * @param records     its scored records, most probable first
     */
    public record Group(String golden, double probability, Action action, List<Candidate> records) {
        /** The group's name: the golden id, or the record's database id. */
        public String key() {
            return golden != null ? golden : Long.toString(records.get(0).recordId());
        }
    }

    /**
     * The answer for one incoming record.
     *
     * @param groups     the candidate groups at or above the profile's threshold, most probable first
     * @param suggestion {@link Action#LINK} when exactly one group may be linked, {@link Action#REVIEW} when any
     *                   group qualifies otherwise, {@link Action#NEW} when none does
     * @param compared   how many stored records were compared (blocking's candidates)
     */
    public record Result(List<Group> groups, Action suggestion, int compared) {
    }

    private LinkIndex(MatchProfile profile, ModelParameters model, double threshold, double linkThreshold,
                      PreparedRecords base, long[] recordIds, Rule[] rules) {
        this.profile = profile;
        this.model = model;
        this.threshold = threshold;
        this.linkThreshold = linkThreshold;
        this.base = base;
        this.recordIds = recordIds;
        this.rules = rules;
        this.sortFields = profile.sortKey().stream().map(base::field).toList();
        this.tfField = new boolean[profile.fields().size()];
        for (ComparisonSpec c : profile.comparisons()) {
            for (LevelSpec l : c.levels()) {
                if (l.tf() != null) {
                    tfField[profile.fieldIndex(l.tf())] = true;
                }
            }
        }
    }

    /**
     * Builds the index over a workspace's records.
     *
     * @param table         the records' canonical values, in the order of {@code recordIds}
     * @param recordIds     the records' database ids, ascending (the batch match's order)
     * @param model         the model to score with (the active one)
     * @param threshold     the probability from which a candidate is shown ({@code null}: the profile's)
     * @param linkThreshold the probability from which linking is suggested (at least {@code threshold})
     */
    public static LinkIndex build(MatchProfile profile, RecordTable table, long[] recordIds, ModelParameters model,
                                  Double threshold, double linkThreshold, CancellationToken cancel) {
        if (table.size() != recordIds.length) {
            throw new IllegalArgumentException(table.size() + " records but " + recordIds.length + " ids");
        }
        double review = threshold != null ? threshold : profile.threshold();
        PreparedRecords prepared = PreparedRecords.prepare(table, profile, ProgressListener.NONE, cancel);
        int n = prepared.size();
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
        List<BlockingRuleSpec> specs = profile.blocking();
        Rule[] rules = new Rule[specs.size()];
        IntStream.range(0, specs.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            BlockingRuleSpec spec = specs.get(r);
            long[][] keys = Blocker.recordKeys(spec, prepared);
            int count = 0;
            for (long[] k : keys) {
                count += k == null ? 0 : k.length;
            }
            long[] entries = new long[count];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (keys[i] != null) {
                    for (long k : keys[i]) {
                        entries[pos++] = (k << bits) | i;
                    }
                }
            }
            Arrays.sort(entries);
            int maxBlock = spec.maxBlockSize() > 0 ? spec.maxBlockSize() : profile.limits().maxBlockSize();
            int window = spec.maxBlockSize() > 0 ? 0 : profile.limits().window();
            rules[r] = new Rule(spec, bits, entries, maxBlock, window, new ConcurrentHashMap<>());
        });
        return new LinkIndex(profile, model, review, Math.max(review, linkThreshold), prepared, recordIds, rules);
    }

    public MatchProfile profile() {
        return profile;
    }

    public ModelParameters model() {
        return model;
    }

    /** How many records the index holds. */
    public int size() {
        return recordIds.length;
    }

    /** The probability from which a candidate is shown (the profile's threshold unless told otherwise). */
    public double threshold() {
        return threshold;
    }

    /** The probability from which linking is suggested. */
    public double linkThreshold() {
        return linkThreshold;
    }

    /** The database id of the record at an index. */
    public long recordId(int index) {
        return recordIds[index];
    }

    /** The index of a record by database id, or -1. */
    public int indexOf(long recordId) {
        int i = Arrays.binarySearch(recordIds, recordId);
        return i < 0 ? -1 : i;
    }

    /** The highest database id in the index (0 when empty). */
    public long lastRecordId() {
        return recordIds.length == 0 ? 0 : recordIds[recordIds.length - 1];
    }

    /** Notes which golden record a record belongs to now ({@code null}: none). Safe while others read. */
    public void assignGolden(long recordId, String golden) {
        if (golden == null) {
            goldenOf.remove(recordId);
        } else {
            goldenOf.put(recordId, golden);
        }
    }

    /** The golden record a record belongs to, or {@code null}. */
    public String goldenOf(long recordId) {
        return goldenOf.get(recordId);
    }

    /**
     * Links an incoming record (not stored): its canonical values, one per profile field ({@code null} when
     * absent; see {@link IncomingRecord}).
     */
    public Result link(String[] canonical) {
        if (canonical.length != profile.fields().size()) {
            throw new IllegalArgumentException("expected " + profile.fields().size() + " values");
        }
        return linkAs(canonical.clone(), -1);
    }

    /**
     * Links a record the index holds against the others: the candidates a batch match over the index's records
     * pairs it with (how the link benchmark checks agreement with the batch).
     */
    public Result linkStored(int index) {
        String[] canonical = new String[profile.fields().size()];
        for (int f = 0; f < canonical.length; f++) {
            canonical[f] = base.table().value(index, f);
        }
        return linkAs(canonical, index);
    }

    /** Blocks and scores a record given by its canonical values ({@code self}: its index if stored, else -1). */
    private Result linkAs(String[] canonical, int self) {
        RecordTable.Builder one = new RecordTable.Builder(canonical.length);
        one.add(one.addSource("incoming"), "incoming", canonical);
        RecordTable table = one.build();
        // the record alone, normalised as the batch normalises every record (keys and values depend on the value
        // alone); field by field in this thread, not in the common pool, so that callers do not queue there
        PreparedField[] fields = new PreparedField[canonical.length];
        for (int f = 0; f < fields.length; f++) {
            de.grw.profile.FieldSpec spec = profile.fields().get(f);
            fields[f] = PreparedField.prepare(spec.name(), table, f,
                    de.grw.normalising.Normalisers.get(spec.normaliser()));
        }
        PreparedRecords probe = PreparedRecords.of(table, profile, fields);
        String[] normalised = new String[canonical.length];
        for (int f = 0; f < normalised.length; f++) {
            normalised[f] = probe.field(f).value(0);
        }
        long[][] keys = new long[rules.length][];
        for (int r = 0; r < rules.length; r++) {
            long[] k = Blocker.recordKeys(rules[r].spec(), probe)[0];
            keys[r] = k == null ? new long[0] : k;
        }
        String sortKey = Blocker.sortKey(0, profile.sortKey().stream().map(probe::field).toList());
        return score(canonical, normalised, self, candidates(keys, self, sortKey));
    }

    /**
     * The stored records blocking pairs the record with: for each rule and key, the block's records when the block
     * (with the record) is within the size limit, else the window around the record's place in sort-key order, or
     * none for a rule with a block size of its own. A small workspace compares every pair, as the batch does.
     *
     * @param self the record's own index when it is stored, else -1 (it then comes after every stored record)
     */
    private int[] candidates(long[][] keys, int self, String sortKey) {
        int n = recordIds.length;
        long total = self >= 0 ? n : n + 1L;
        if (total * (total - 1) / 2 <= profile.limits().compareAllBelowPairs()) {
            return IntStream.range(0, n).filter(i -> i != self).toArray();
        }
        Set<Integer> out = new HashSet<>();
        for (int r = 0; r < rules.length; r++) {
            Rule rule = rules[r];
            long[] distinct = Arrays.stream(keys[r]).distinct().toArray();
            for (long k : distinct) {
                int[] block = block(rule, k);
                int size = block.length + (self >= 0 ? 0 : 1);
                if (size < 2) {
                    continue;
                }
                if (size <= rule.maxBlock()) {
                    for (int b : block) {
                        if (b != self) {
                            out.add(b);
                        }
                    }
                } else if (rule.window() >= 2) {
                    windowAround(rule, k, block, self, sortKey, out);
                }
            }
        }
        int[] result = out.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(result);
        return result;
    }

    /** The distinct records of a rule's block, ascending. */
    private static int[] block(Rule rule, long key) {
        long shifted = key << rule.bits();
        long mask = (1L << rule.bits()) - 1;
        long[] entries = rule.entries();
        int lo = Arrays.binarySearch(entries, shifted);
        if (lo < 0) {
            lo = -lo - 1;
        } else {
            while (lo > 0 && (entries[lo - 1] >>> rule.bits()) == (shifted >>> rule.bits())) {
                lo--;
            }
        }
        int hi = lo;
        while (hi < entries.length && (entries[hi] >>> rule.bits()) == (shifted >>> rule.bits())) {
            hi++;
        }
        int[] out = new int[hi - lo];
        int size = 0;
        int last = -1;
        for (int i = lo; i < hi; i++) {
            int rec = (int) (entries[i] & mask);
            if (rec != last) {
                out[size++] = rec;
                last = rec;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** The records within the window of an oversized block around the record's place in sort-key order. */
    private void windowAround(Rule rule, long key, int[] block, int self, String sortKey, Set<Integer> out) {
        Window w = rule.windows().computeIfAbsent(key << rule.bits() >>> rule.bits(), k -> {
            Integer[] order = new Integer[block.length];
            String[] keyOf = new String[block.length];
            Map<Integer, String> keys = new HashMap<>();
            for (int x = 0; x < block.length; x++) {
                order[x] = block[x];
                keys.put(block[x], Blocker.sortKey(block[x], sortFields));
            }
            Arrays.sort(order, Comparator.comparing((Integer rec) -> keys.get(rec)).thenComparing(rec -> rec));
            int[] records = new int[block.length];
            for (int x = 0; x < order.length; x++) {
                records[x] = order[x];
                keyOf[x] = keys.get(order[x]);
            }
            return new Window(keyOf, records);
        });
        int window = rule.window();
        int[] recs = w.records();
        if (self >= 0) {
            int pos = -1;
            for (int x = 0; x < recs.length; x++) {
                if (recs[x] == self) {
                    pos = x;
                    break;
                }
            }
            for (int x = Math.max(0, pos - window + 1); x < Math.min(recs.length, pos + window); x++) {
                if (x != pos) {
                    out.add(recs[x]);
                }
            }
            return;
        }
        // an incoming record comes after every stored one with the same sort key (its index is the highest)
        int pos = upperBound(w.keys(), sortKey);
        for (int x = Math.max(0, pos - window + 1); x < Math.min(recs.length, pos + window - 1); x++) {
            out.add(recs[x]);
        }
    }

    private static int upperBound(String[] sorted, String key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Compares and scores the record (mini index 0) with each candidate, then groups and suggests. */
    private Result score(String[] canonical, String[] normalised, int self, int[] candidates) {
        int k = candidates.length;
        if (k == 0) {
            return new Result(List.of(), Action.NEW, 0);
        }
        int fields = canonical.length;
        RecordTable.Builder tb = new RecordTable.Builder(fields);
        int incoming = tb.addSource("\u0000incoming");
        tb.add(incoming, "incoming", canonical.clone());
        String[] row = new String[fields];
        for (int c : candidates) {
            for (int f = 0; f < fields; f++) {
                row[f] = base.table().value(c, f);
            }
            tb.add(tb.addSource(base.table().sourceName(c)), base.table().recordId(c), row.clone());
        }
        RecordTable mini = tb.build();
        PreparedField[] prepared = new PreparedField[fields];
        for (int f = 0; f < fields; f++) {
            PreparedField full = base.field(f);
            String[] values = new String[k + 1];
            values[0] = normalised[f];
            Map<String, Integer> known = new HashMap<>();
            for (int i = 0; i < k; i++) {
                int id = full.id(candidates[i]);
                if (id >= 0) {
                    values[i + 1] = full.valueOfId(id);
                    known.put(values[i + 1], id);
                }
            }
            boolean counted = self < 0 && normalised[f] != null;
            String own = normalised[f];
            boolean tf = tfField[f];
            prepared[f] = PreparedField.ofNormalised(full.name(), values, v -> {
                Integer id = known.get(v);
                int count = id != null ? full.count(id) : tf ? Math.max(0, countOf(full, v)) : 0;
                return count + (counted && v.equals(own) ? 1 : 0);
            }, full.presentCount() + (counted ? 1 : 0));
        }
        PreparedRecords records = PreparedRecords.of(mini, profile, prepared);
        CompiledComparisons comparisons = CompiledComparisons.compile(profile, records);
        Scorer scorer = new Scorer(comparisons, model, profile.model().minTermFrequency(),
                profile.model().priorRecords());
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
            long id = recordIds[c];
            scored.add(new Candidate(c, id, goldenOf.get(id), probability, weight, List.copyOf(lines), contradicted));
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
