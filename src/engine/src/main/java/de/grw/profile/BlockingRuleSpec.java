package de.grw.profile;

import java.util.List;

/**
 * A blocking rule: two records become a candidate pair when all parts of the key agree.
 *
 * @param name      rule name shown in summaries
 * @param parts     key parts; a record with a missing part gets no key for this rule
 * @param unordered the parts' values are compared as a set, not in order, so that two fields exchanged between
 *                  the records (given and family name swapped) still give the same key
 */
public record BlockingRuleSpec(String name, List<KeyPartSpec> parts, boolean unordered) {
    public BlockingRuleSpec {
        parts = List.copyOf(parts);
    }
}
