package de.grw.evaluation;

import de.grw.synthetic.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What kind of errors a clustering makes, pair by pair. A <em>false merge</em> is a pair of records of different
 * persons in one cluster; it is classified by how the two persons are related ({@link PairKind}: twins, a father and
 * his son of the same name, siblings, ... different households) and by whether the two records were linked directly
 * (a candidate pair at or above the threshold) or only through a chain of other links. A <em>missed pair</em> is a
 * pair of records of one person in different clusters; it is classified by {@link Miss}: never compared (no blocking
 * key brought them together), compared and scored below the threshold, or above the threshold and still kept apart
 * (a contradiction or a clerk's decision); the never-compared ones are also counted when one of the two records has
 * no birth date, and all missed pairs by the two sources.
 *
 * @param pairwise          precision, recall and F1 over record pairs
 * @param pairsInData       record pairs of different persons of each kind in the data, the denominators of the
 *                          merge rates; {@code -1} for {@link PairKind#OTHER_HOUSEHOLDS} (nearly all pairs)
 * @param falseMerges       false-merge pairs by kind (every kind present, in enum order)
 * @param directFalseMerges of these, the pairs linked directly
 * @param missed            missed pairs by reason (every reason present)
 * @param neverComparedWithoutBirthDate never-compared missed pairs where a record has no birth date
 * @param missedBySources   missed pairs by their sources ({@code kfz_halter/melderegister}), sorted by name
 */
public record ErrorBreakdown(PairwiseEvaluation pairwise, Map<PairKind, Long> pairsInData,
        Map<PairKind, Long> falseMerges, Map<PairKind, Long> directFalseMerges, Map<Miss, Long> missed, long neverComparedWithoutBirthDate,
        Map<String, Long> missedBySources) {

    /** Why a pair of records of one person did not end up in one cluster. */
    public enum Miss {
        NEVER_COMPARED("never compared (no blocking key shared)"),
        BELOW_THRESHOLD("compared, scored below the threshold"),
        KEPT_APART("at or above the threshold, kept apart"),
        /** A run too large to hold its pairs below the threshold: never compared or scored below it. */
        NOT_HELD("never compared or below the threshold (not held)");

        private final String label;

        Miss(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ErrorBreakdown {
        pairsInData = Collections.unmodifiableMap(new EnumMap<>(pairsInData));
        falseMerges = Collections.unmodifiableMap(new EnumMap<>(falseMerges));
        directFalseMerges = Collections.unmodifiableMap(new EnumMap<>(directFalseMerges));
        missed = Collections.unmodifiableMap(new EnumMap<>(missed));
        missedBySources = Collections.unmodifiableMap(new LinkedHashMap<>(missedBySources));
    }

    /**
     * The truth and the facts about each record (same order as the clustering).
     *
     * @param person           the true person
     * @param household        the household (family) the person was generated in
     * @param relation         the person's relation in it
     * @param source           the record's source
     * @param withoutBirthDate whether the record has no birth date
     */
    public record Records(String[] person, String[] household, Relation[] relation, String[] source,
            boolean[] withoutBirthDate) {
        public Records {
            int n = person.length;
            if (household.length != n || relation.length != n || source.length != n || withoutBirthDate.length != n) {
                throw new IllegalArgumentException("one entry per record in every array");
            }
        }

        public int size() {
            return person.length;
        }
    }

    /**
     * What the matcher did.
     *
     * @param cluster    cluster label per record
     * @param candidates the candidate pairs, packed {@code (a << 32) | b} with {@code a < b}, sorted ascending
     * @param linked     indexes into {@code candidates} of the pairs at or above the threshold
     * @param allHeld    whether {@code candidates} are all candidate pairs; {@code false}: a run too large to hold
     *                   them held only those at or above the threshold, so a pair not among them was either never
     *                   compared or scored below it ({@link Miss#NOT_HELD})
     */
    public record Links(int[] cluster, long[] candidates, BitSet linked, boolean allHeld) {
        public Links(int[] cluster, long[] candidates, BitSet linked) {
            this(cluster, candidates, linked, true);
        }
    }

    /** Counts the errors of {@code links} against {@code records}. */
    public static ErrorBreakdown of(Records records, Links links) {
        int n = records.size();
        if (links.cluster().length != n) {
            throw new IllegalArgumentException("one cluster label per record");
        }
        Map<PairKind, Long> inData = zeros(PairKind.class);
        inData.put(PairKind.OTHER_HOUSEHOLDS, -1L);
        Map<PairKind, Long> merges = zeros(PairKind.class);
        Map<PairKind, Long> direct = zeros(PairKind.class);
        Map<Miss, Long> missed = zeros(Miss.class);
        Map<String, Long> bySources = new TreeMap<>();
        long withoutDate = 0;

        // the pairs of records of different persons of one household
        for (int[] group : groupsOf(records.household())) {
            forPersonPairs(group, records, (kind, p, q) -> inData.merge(kind, (long) p.length * q.length, Long::sum));
        }
        // false merges: within each cluster, the pairs of records of different persons
        for (int[] group : groups(links.cluster())) {
            forPersonPairs(group, records, (kind, p, q) -> {
                merges.merge(kind, (long) p.length * q.length, Long::sum);
                for (int a : p) {
                    for (int b : q) {
                        if (linked(links, a, b)) {
                            direct.merge(kind, 1L, Long::sum);
                        }
                    }
                }
            });
        }
        // missed pairs: the pairs of records of one person in different clusters
        for (int[] group : groupsOf(records.person())) {
            for (int i = 0; i < group.length; i++) {
                for (int j = i + 1; j < group.length; j++) {
                    int a = group[i];
                    int b = group[j];
                    if (links.cluster()[a] == links.cluster()[b]) {
                        continue;
                    }
                    int index = Arrays.binarySearch(links.candidates(), pack(a, b));
                    Miss why = index < 0 ? (links.allHeld() ? Miss.NEVER_COMPARED : Miss.NOT_HELD)
                            : links.linked().get(index) ? Miss.KEPT_APART : Miss.BELOW_THRESHOLD;
                    missed.merge(why, 1L, Long::sum);
                    if (why == Miss.NEVER_COMPARED
                            && (records.withoutBirthDate()[a] || records.withoutBirthDate()[b])) {
                        withoutDate++;
                    }
                    String sa = records.source()[a];
                    String sb = records.source()[b];
                    bySources.merge(sa.compareTo(sb) <= 0 ? sa + "/" + sb : sb + "/" + sa, 1L, Long::sum);
                }
            }
        }
        Integer[] predicted = new Integer[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = links.cluster()[i];
        }
        return new ErrorBreakdown(PairwiseEvaluation.of(predicted, records.person()), inData, merges, direct, missed,
                withoutDate, bySources);
    }

    public long falseMergeCount() {
        return falseMerges.values().stream().mapToLong(Long::longValue).sum();
    }

    /** False-merge pairs of persons of one household (family). */
    public long falseMergesInHouseholds() {
        return falseMerges.entrySet().stream().filter(e -> e.getKey().sameHousehold())
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long missedCount() {
        return missed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The breakdown as lines for a console. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        long merges = falseMergeCount();
        long directAll = directFalseMerges.values().stream().mapToLong(Long::longValue).sum();
        lines.add(String.format(Locale.ROOT, "false merges (record pairs of different persons in one cluster): %,d"
                + " (%,d linked directly, %,d only through a chain)", merges, directAll, merges - directAll));
        for (PairKind kind : PairKind.values()) {
            long count = falseMerges.get(kind);
            long all = pairsInData.get(kind);
            String rate = all < 0 ? "" : String.format(Locale.ROOT, "   merged %,d of %,d pairs (%s)", count, all,
                    all == 0 ? "-" : percent(count, all));
            lines.add(String.format(Locale.ROOT, "  %-36s %,9d %6s   directly %,7d%s", kind.label(), count,
                    percent(count, merges), directFalseMerges.get(kind), rate));
        }
        lines.add(String.format(Locale.ROOT, "  %-36s %,9d %6s", "inside households (all but the last)",
                falseMergesInHouseholds(), percent(falseMergesInHouseholds(), merges)));
        long misses = missedCount();
        lines.add(String.format(Locale.ROOT, "missed pairs (record pairs of one person in different clusters): %,d",
                misses));
        for (Miss why : Miss.values()) {
            long count = missed.get(why);
            if (why == Miss.NOT_HELD && count == 0) {
                continue;
            }
            String extra = why == Miss.NEVER_COMPARED ? String.format(Locale.ROOT,
                    "   a record without birth date: %,d", neverComparedWithoutBirthDate) : "";
            lines.add(String.format(Locale.ROOT, "  %-40s %,9d %6s%s", why.label(), count, percent(count, misses),
                    extra));
        }
        StringBuilder sources = new StringBuilder("  by sources:");
        missedBySources.forEach((k, v) -> sources.append(String.format(Locale.ROOT, " %s %,d;", k, v)));
        if (!missedBySources.isEmpty()) {
            lines.add(sources.substring(0, sources.length() - 1));
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Receives two persons' records (each non-empty) and the kind of the two persons. */
    private interface PersonPair {
        void accept(PairKind kind, int[] p, int[] q);
    }

    /** Calls {@code each} for every pair of different persons among the records of {@code group}. */
    private static void forPersonPairs(int[] group, Records records, PersonPair each) {
        List<int[]> persons = groupBy(group, records.person());
        for (int i = 0; i < persons.size(); i++) {
            int[] p = persons.get(i);
            for (int j = i + 1; j < persons.size(); j++) {
                int[] q = persons.get(j);
                each.accept(PairKind.of(records.household()[p[0]], records.relation()[p[0]],
                        records.household()[q[0]], records.relation()[q[0]]), p, q);
            }
        }
    }

    private static boolean linked(Links links, int a, int b) {
        int index = Arrays.binarySearch(links.candidates(), pack(a, b));
        return index >= 0 && links.linked().get(index);
    }

    static long pack(int a, int b) {
        return a < b ? ((long) a << 32) | (b & 0xffffffffL) : ((long) b << 32) | (a & 0xffffffffL);
    }

    /** Record indexes grouped by equal label, each group ascending. */
    private static List<int[]> groups(int[] label) {
        long[] keyed = new long[label.length];
        for (int i = 0; i < label.length; i++) {
            keyed[i] = ((long) label[i] << 32) | i;
        }
        Arrays.sort(keyed);
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= keyed.length; i++) {
            if (i == keyed.length || (keyed[i] >> 32) != (keyed[start] >> 32)) {
                if (i - start > 1) {
                    int[] g = new int[i - start];
                    for (int k = start; k < i; k++) {
                        g[k - start] = (int) keyed[k];
                    }
                    out.add(g);
                }
                start = i;
            }
        }
        return out;
    }

    /** Record indexes grouped by equal string label (groups of one left out). */
    private static List<int[]> groupsOf(String[] label) {
        Map<String, Integer> ids = new HashMap<>();
        int[] numeric = new int[label.length];
        for (int i = 0; i < label.length; i++) {
            numeric[i] = ids.computeIfAbsent(label[i], k -> ids.size());
        }
        return groups(numeric);
    }

    /** The records of {@code group} split by {@code label}, in order of first appearance. */
    private static List<int[]> groupBy(int[] group, String[] label) {
        Map<String, List<Integer>> by = new LinkedHashMap<>();
        for (int r : group) {
            by.computeIfAbsent(label[r], k -> new ArrayList<>()).add(r);
        }
        List<int[]> out = new ArrayList<>(by.size());
        for (List<Integer> l : by.values()) {
            out.add(l.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static <K extends Enum<K>> Map<K, Long> zeros(Class<K> type) {
        Map<K, Long> m = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            m.put(k, 0L);
        }
        return m;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
