package de.grw.linking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The records added to a link index since it was built ({@link LinkIndex#add}): a small side index over the built
 * one. Its records follow the built ones (index {@code base + j}, database ids ascending, as a rebuild would number
 * them); for each blocking rule their block keys, for each field how often each normalised value occurs among them
 * (so that term frequencies are those of the workspace with them, as a rebuild would count them).
 * <p>
 * Immutable: adding a record makes a new one (copying the side index, which stays small: the workspace's service
 * rebuilds the index once many records were added), which the index publishes with one volatile write. A reader
 * takes one snapshot per call and thus sees a record either entirely or not at all.
 */
final class LinkAdded {
    private static final int[] NONE = new int[0];

    private final int base;
    private final long[] ids;
    private final String[] sources;
    private final String[] keys;
    private final String[][] canonical;
    private final String[][] normalised;
    /** Each record's sort key ({@code null} when no rule windows). */
    private final String[] sortKeys;
    /** Per rule: block key (as the rule's blocks compare it) to the added records in the block, ascending. */
    private final Map<Long, int[]>[] blocks;
    /** Per field: normalised value to how many added records carry it. */
    private final Map<String, Integer>[] counts;
    /** Per field: how many added records have a value. */
    private final int[] present;

    private LinkAdded(int base, long[] ids, String[] sources, String[] keys, String[][] canonical,
                      String[][] normalised, String[] sortKeys, Map<Long, int[]>[] blocks,
                      Map<String, Integer>[] counts, int[] present) {
        this.base = base;
        this.ids = ids;
        this.sources = sources;
        this.keys = keys;
        this.canonical = canonical;
        this.normalised = normalised;
        this.sortKeys = sortKeys;
        this.blocks = blocks;
        this.counts = counts;
        this.present = present;
    }

    /** None added to an index of {@code base} records with these many rules and fields. */
    @SuppressWarnings("unchecked")
    static LinkAdded empty(int base, int rules, int fields) {
        Map<Long, int[]>[] blocks = new Map[rules];
        Arrays.setAll(blocks, r -> Map.of());
        Map<String, Integer>[] counts = new Map[fields];
        Arrays.setAll(counts, f -> Map.of());
        return new LinkAdded(base, new long[0], new String[0], new String[0], new String[0][], new String[0][],
                new String[0], blocks, counts, new int[fields]);
    }

    /**
     * This side index with one more record.
     *
     * @param blockKeys per rule the record's distinct block keys (as the rule's blocks compare them), or
     *                  {@code null}
     */
    LinkAdded with(long id, String source, String key, String[] canonicalValues, String[] normalisedValues,
                   String sortKey, long[][] blockKeys) {
        int m = ids.length;
        int index = base + m;
        Map<Long, int[]>[] newBlocks = blocks.clone();
        for (int r = 0; r < blocks.length; r++) {
            if (blockKeys[r] == null || blockKeys[r].length == 0) {
                continue;
            }
            Map<Long, int[]> map = new HashMap<>(blocks[r]);
            for (long k : blockKeys[r]) {
                int[] old = map.getOrDefault(k, NONE);
                int[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = index;
                map.put(k, grown);
            }
            newBlocks[r] = map;
        }
        Map<String, Integer>[] newCounts = counts.clone();
        int[] newPresent = present.clone();
        for (int f = 0; f < counts.length; f++) {
            String v = normalisedValues[f];
            if (v != null) {
                Map<String, Integer> map = new HashMap<>(counts[f]);
                map.merge(v, 1, Integer::sum);
                newCounts[f] = map;
                newPresent[f]++;
            }
        }
        String[][] newCanonical = Arrays.copyOf(canonical, m + 1);
        newCanonical[m] = canonicalValues.clone();
        String[][] newNormalised = Arrays.copyOf(normalised, m + 1);
        newNormalised[m] = normalisedValues.clone();
        long[] newIds = Arrays.copyOf(ids, m + 1);
        newIds[m] = id;
        String[] newSources = Arrays.copyOf(sources, m + 1);
        newSources[m] = source;
        String[] newKeys = Arrays.copyOf(keys, m + 1);
        newKeys[m] = key;
        String[] newSortKeys = Arrays.copyOf(sortKeys, m + 1);
        newSortKeys[m] = sortKey;
        return new LinkAdded(base, newIds, newSources, newKeys, newCanonical, newNormalised, newSortKeys, newBlocks,
                newCounts, newPresent);
    }

    /** How many records were added. */
    int size() {
        return ids.length;
    }

    /** The index of the first added record (the built index's size). */
    int base() {
        return base;
    }

    long id(int index) {
        return ids[index - base];
    }

    /** The highest database id added, or {@code Long.MIN_VALUE} when none. */
    long lastId() {
        return ids.length == 0 ? Long.MIN_VALUE : ids[ids.length - 1];
    }

    /** The index of an added record by database id, or -1. */
    int indexOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i < 0 ? -1 : base + i;
    }

    String source(int index) {
        return sources[index - base];
    }

    String key(int index) {
        return keys[index - base];
    }

    String canonical(int index, int field) {
        return canonical[index - base][field];
    }

    String normalised(int index, int field) {
        return normalised[index - base][field];
    }

    String sortKey(int index) {
        return sortKeys[index - base];
    }

    /** The added records in a rule's block, ascending (empty when none). */
    int[] block(int rule, long blockKey) {
        return blocks[rule].getOrDefault(blockKey, NONE);
    }

    /** How many added records carry a normalised value of a field. */
    int count(int field, String value) {
        return value == null ? 0 : counts[field].getOrDefault(value, 0);
    }

    /** How many added records have a value in a field. */
    int present(int field) {
        return present[field];
    }
}
