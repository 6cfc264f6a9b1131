package de.grw.matching.blocking;

/**
 * What one blocking rule contributed.
 *
 * @param rule             rule name
 * @param recordsWithKey   records for which the rule has a key
 * @param blocks           blocks with at least two records
 * @param largestBlock     records in the largest block
 * @param pairs            pairs the rule proposed (before removing pairs other rules proposed too)
 * @param oversizedBlocks  blocks above the size limit, compared within a sliding window only
 * @param pairsLeftOut     pairs of oversized blocks that the sliding window did not compare
 */
public record RuleStats(String rule, long recordsWithKey, long blocks, long largestBlock, long pairs,
                        long oversizedBlocks, long pairsLeftOut) {
}
