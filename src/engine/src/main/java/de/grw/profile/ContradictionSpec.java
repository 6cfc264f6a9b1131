package de.grw.profile;

import java.util.Map;

/**
 * A rule under which two records contradict each other so strongly that clustering must not put them together.
 *
 * @param field  the field compared
 * @param rule   registered rule name (e.g. {@code identifier_differs}, {@code date_differs})
 * @param params rule parameters
 */
public record ContradictionSpec(String field, String rule, Map<String, Object> params) {
    public ContradictionSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
