package de.grw.profile;

import java.util.List;

/**
 * A blocking rule: two records become a candidate pair when all parts of the key agree.
 *
 * @param name      rule name shown in summaries
 * @param parts     key parts; a record with a missing part gets no key for this rule
 * @param unordered the parts' values are compared as a set, not in order, so that two fields exchanged between
 *                  the records (given and family name swapped) still give the same key
 * @param maxBlockSize for this rule, blocks larger than this are left out entirely instead of being compared in a
 *                  sliding window (0: the profile's limits apply). For a key that proves nothing on its own (a name
 *                  alone): two records sharing a common name cannot be linked on it, two sharing a rare one can
 */
public record BlockingRuleSpec(String name, List<KeyPartSpec> parts, boolean unordered, int maxBlockSize) {
    public BlockingRuleSpec {
        parts = List.copyOf(parts);
    }

    /** A rule under the profile's block limits. */
    public BlockingRuleSpec(String name, List<KeyPartSpec> parts, boolean unordered) {
        this(name, parts, unordered, 0);
    }
}
