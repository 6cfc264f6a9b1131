package de.grw.linking;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.blocking.Blocker;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.ModelParameters;
import de.grw.normalising.Normaliser;
import de.grw.normalising.Normalisers;
import de.grw.profile.BlockingRuleSpec;
import de.grw.profile.MatchProfile;
import java.util.Arrays;
import java.util.List;
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
 * How: the blocks of each rule are a {@link LinkBlocks} (oversized blocks put in window order at build time); the
 * incoming record and its candidates are compared and scored by {@link LinkScoring} over a small record set whose
 * fields carry the workspace's value counts ({@link PreparedField#ofNormalised}), so term-frequency adjustments are
 * the workspace's. Normalisers and term-frequency lookups are resolved when the index is built, so concurrent
 * calls share no lock.
 * <p>
 * Records stored after the build are added ({@link #add}) to a small side index ({@link LinkAdded}) that every
 * call consults with the built one: the next call finds them as candidates, scored as by an index built over the
 * workspace with them (their block keys join the blocks, windowed blocks included, in window order; their values
 * count in the term frequencies). The side index is replaced as a whole with one volatile write per record, so a
 * concurrent reader sees a record entirely or not at all. Apart from that and the golden record each record belongs
 * to ({@link #assignGolden}), the index is immutable; it is safe for any number of concurrent readers.
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
    private final LinkBlocks[] rules;
    /** The records in window order, or {@code null} when no rule windows. */
    private final LinkBlocks.SortOrder order;
    /** Each field's normaliser, looked up once (not per call in the registry). */
    private final Normaliser[] normalisers;
    private final LinkScoring scoring;
    /** The golden record of each built record, by index ({@link GoldenIds}: a number per record, not a map entry). */
    private final GoldenIds golden;
    /** The records added since the build; replaced as a whole (under {@code this}), read once per call. */
    private volatile LinkAdded added;

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
                      PreparedRecords base, long[] recordIds, LinkBlocks[] rules, LinkBlocks.SortOrder order) {
        this.profile = profile;
        this.model = model;
        this.threshold = threshold;
        this.linkThreshold = linkThreshold;
        this.base = base;
        this.recordIds = recordIds;
        this.rules = rules;
        this.order = order;
        this.normalisers = profile.fields().stream().map(f -> Normalisers.get(f.normaliser()))
                .toArray(Normaliser[]::new);
        this.scoring = new LinkScoring(profile, model, base, recordIds, threshold, linkThreshold);
        this.added = LinkAdded.empty(recordIds.length, rules.length, profile.fields().size());
        this.golden = new GoldenIds(recordIds);
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
        return build(profile, PreparedRecords.prepare(table, profile, ProgressListener.NONE, cancel), recordIds,
                model, threshold, linkThreshold, cancel);
    }

    /**
     * As {@link #build(MatchProfile, RecordTable, long[], ModelParameters, Double, double, CancellationToken)} over
     * records prepared already ({@link PreparedRecords#prepare} of the same profile, such as a batch match's
     * {@link de.grw.matching.MatchResult#records()}): the index keeps them instead of normalising every record a
     * second time and holding both copies.
     */
    public static LinkIndex build(MatchProfile profile, PreparedRecords prepared, long[] recordIds,
                                  ModelParameters model, Double threshold, double linkThreshold,
                                  CancellationToken cancel) {
        if (prepared.size() != recordIds.length) {
            throw new IllegalArgumentException(prepared.size() + " records but " + recordIds.length + " ids");
        }
        if (prepared.profile() != profile && !prepared.profile().equals(profile)) {
            throw new IllegalArgumentException("the records were prepared for another profile");
        }
        double review = threshold != null ? threshold : profile.threshold();
        List<BlockingRuleSpec> specs = profile.blocking();
        boolean windows = profile.limits().window() >= 2 && specs.stream().anyMatch(s -> s.maxBlockSize() <= 0);
        LinkBlocks.SortOrder order = windows
                ? LinkBlocks.SortOrder.of(profile.sortKey().stream().map(prepared::field).toList(), prepared.size())
                : null;
        LinkBlocks[] rules = new LinkBlocks[specs.size()];
        IntStream.range(0, specs.size()).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            rules[r] = LinkBlocks.build(specs.get(r), profile, prepared, order);
        });
        return new LinkIndex(profile, model, review, Math.max(review, linkThreshold), prepared, recordIds, rules,
                order);
    }

    public MatchProfile profile() {
        return profile;
    }

    public ModelParameters model() {
        return model;
    }

    /** How many records the index holds (built and added). */
    public int size() {
        return recordIds.length + added.size();
    }

    /** How many records were added since the build ({@link #add}). */
    public int addedCount() {
        return added.size();
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
        return index < recordIds.length ? recordIds[index] : added.id(index);
    }

    /** The index of a record by database id, or -1. */
    public int indexOf(long recordId) {
        int i = Arrays.binarySearch(recordIds, recordId);
        return i >= 0 ? i : added.indexOf(recordId);
    }

    /** The highest database id in the index (0 when empty). */
    public long lastRecordId() {
        LinkAdded a = added;
        return a.size() > 0 ? a.lastId() : recordIds.length == 0 ? 0 : recordIds[recordIds.length - 1];
    }

    /**
     * Adds a record stored after the build, so that the next call finds it as a candidate, scored as an index built
     * over the workspace with it would score it: its canonical values normalised as the build normalises them, its
     * block keys in each rule's blocks (a block it makes oversized is windowed, in window order, as at build), its
     * normalised values counted in the term frequencies (of the incoming record and its candidates alike). The model
     * and the thresholds stay those of the build: the index never estimates. Safe while others read: they see the
     * record entirely from the next call on, or not yet.
     * <p>
     * A record must come after every record of the index in database id (a new one always does), else it is
     * refused: it would be numbered otherwise than by a rebuild, which orients pairs by index.
     *
     * @param recordId  its database id
     * @param source    its source's name
     * @param key       its record key
     * @param canonical its canonical values, one per profile field ({@code null} when absent)
     * @return whether the index holds the record now (also when it held it already); {@code false}: refused, build
     *         a new index
     */
    public synchronized boolean add(long recordId, String source, String key, String[] canonical) {
        if (canonical.length != profile.fields().size()) {
            throw new IllegalArgumentException("expected " + profile.fields().size() + " values");
        }
        if (indexOf(recordId) >= 0) {
            return true;
        }
        if (recordId <= lastRecordId() && size() > 0) {
            return false;
        }
        String[] values = canonical.clone();
        String[] normalised = normalise(values);
        PreparedRecords probe = probe(values, normalised);
        long[][] blockKeys = new long[rules.length][];
        for (int r = 0; r < rules.length; r++) {
            long[] keys = Blocker.recordKeys(rules[r].spec(), probe)[0];
            if (keys != null) {
                blockKeys[r] = Arrays.stream(keys).map(rules[r]::blockKey).distinct().toArray();
            }
        }
        String sortKey = order == null ? null
                : Blocker.sortKey(0, profile.sortKey().stream().map(probe::field).toList());
        added = added.with(recordId, source, key, values, normalised, sortKey, blockKeys);
        return true;
    }

    /** Notes which golden record a record belongs to now ({@code null}: none). Safe while others read. */
    public void assignGolden(long recordId, String golden) {
        this.golden.assign(recordId, golden);
    }

    /** The golden record a record belongs to, or {@code null}. */
    public String goldenOf(long recordId) {
        return golden.of(recordId);
    }

    /**
     * Links an incoming record (not stored): its canonical values, one per profile field ({@code null} when
     * absent; see {@link IncomingRecord}).
     */
    public Result link(String[] canonical) {
        if (canonical.length != profile.fields().size()) {
            throw new IllegalArgumentException("expected " + profile.fields().size() + " values");
        }
        return linkAs(canonical.clone(), -1, added);
    }

    /**
     * Links a record the index holds against the others: the candidates a batch match over the index's records
     * pairs it with (how the link benchmark checks agreement with the batch).
     */
    public Result linkStored(int index) {
        LinkAdded a = added;
        String[] canonical = new String[profile.fields().size()];
        for (int f = 0; f < canonical.length; f++) {
            canonical[f] = index < recordIds.length ? base.table().value(index, f) : a.canonical(index, f);
        }
        return linkAs(canonical, index, a);
    }

    /** Whether a record the index holds falls into a block some rule windows (over the size limit); for tests. */
    boolean inWindowedBlock(int index) {
        LinkAdded a = added;
        String[] canonical = new String[profile.fields().size()];
        for (int f = 0; f < canonical.length; f++) {
            canonical[f] = index < recordIds.length ? base.table().value(index, f) : a.canonical(index, f);
        }
        PreparedRecords probe = probe(canonical, normalise(canonical));
        for (int r = 0; r < rules.length; r++) {
            long[] keys = Blocker.recordKeys(rules[r].spec(), probe)[0];
            for (long k : keys == null ? new long[0] : keys) {
                if (rules[r].windows(k, a.block(r, rules[r].blockKey(k)).length)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Blocks and scores a record given by its canonical values ({@code self}: its index if stored, else -1). */
    private Result linkAs(String[] canonical, int self, LinkAdded a) {
        // the record alone, normalised as the batch normalises every record (keys and values depend on the value
        // alone), in this thread
        String[] normalised = normalise(canonical);
        PreparedRecords probe = probe(canonical, normalised);
        return scoring.score(canonical, normalised, self, candidates(probe, self, a), a, golden::of);
    }

    private String[] normalise(String[] canonical) {
        String[] normalised = new String[canonical.length];
        for (int f = 0; f < canonical.length; f++) {
            normalised[f] = canonical[f] == null ? null : normalisers[f].normalise(canonical[f]);
        }
        return normalised;
    }

    /** The record alone as a prepared record set (its keys and values depend on its values alone). */
    private PreparedRecords probe(String[] canonical, String[] normalised) {
        RecordTable.Builder one = new RecordTable.Builder(canonical.length, 1);
        RecordTable table = one.add(one.addSource("incoming"), "incoming", canonical).build();
        PreparedField[] fields = new PreparedField[canonical.length];
        for (int f = 0; f < fields.length; f++) {
            String v = normalised[f];
            fields[f] = PreparedField.ofNormalised(base.field(f).name(), new String[] {v}, ONE,
                    v == null ? 0 : 1);
        }
        return PreparedRecords.of(table, profile, fields);
    }

    private static final int[] ONE = {1};

    /**
     * The stored records blocking pairs the record with, ascending (see {@link LinkBlocks#collect}). A small
     * workspace compares every pair, as the batch does.
     *
     * @param self the record's own index when it is stored, else -1 (it then comes after every stored record)
     */
    private int[] candidates(PreparedRecords probe, int self, LinkAdded a) {
        int n = recordIds.length + a.size();
        long total = self >= 0 ? n : n + 1L;
        if (total * (total - 1) / 2 <= profile.limits().compareAllBelowPairs()) {
            return IntStream.range(0, n).filter(i -> i != self).toArray();
        }
        int sortRank = -1;
        String sortKey = null;
        if (order != null) {
            sortKey = Blocker.sortKey(0, profile.sortKey().stream().map(probe::field).toList());
            sortRank = self >= 0 && self < recordIds.length ? order.rank(self) : order.placeOf(sortKey);
        }
        LinkBlocks.IntBag out = new LinkBlocks.IntBag();
        for (int r = 0; r < rules.length; r++) {
            LinkBlocks rule = rules[r];
            long[] keys = Blocker.recordKeys(rule.spec(), probe)[0];
            if (keys != null) {
                for (long k : keys) {
                    rule.collect(k, self, sortRank, sortKey, order, a.block(r, rule.blockKey(k)), a, out);
                }
            }
        }
        return out.sortedDistinct();
    }
}
