package de.grw.profile;

import java.util.Map;

/**
 * One comparison level: the first level whose test passes describes the pair.
 *
 * @param label  short label shown to users and written to the pair file (e.g. {@code exact}, {@code phonetic})
 * @param test   registered name of the level test
 * @param params parameters of the test (fields, thresholds)
 * @param tf     field whose value frequency adjusts this level's weight (term-frequency adjustment), or {@code null}
 * @param neutral the level carries no evidence (weight 0, not estimated): for a case another comparison already
 *                counts, such as given and family name swapped
 */
public record LevelSpec(String label, String test, Map<String, Object> params, String tf, boolean neutral) {
    public LevelSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
