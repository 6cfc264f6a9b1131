package de.grw.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule under which two records contradict each other so strongly that clustering must not put them together.
 *
 * @param field  the field compared
 * @param rule   registered rule name ({@code identifier_differs}, {@code date_differs}, {@code years_apart},
 *               {@code differs})
 * @param params rule parameters
 * @param scope  {@code chain} (default): the two records are not joined through other records, but a direct link of
 *               the two (the model's own evidence on the pair) overrides; {@code direct}: they are never linked, not
 *               even directly
 * @param unless per comparison, levels at which the rule does not apply (other evidence that the two are one
 *               person, such as an agreeing identifier)
 */
public record ContradictionSpec(String field, String rule, Map<String, Object> params, String scope,
                                Map<String, List<String>> unless) {
    public static final String CHAIN = "chain";
    public static final String DIRECT = "direct";

    public ContradictionSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
        scope = scope == null ? CHAIN : scope;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (unless != null) {
            unless.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        unless = java.util.Collections.unmodifiableMap(copy);
    }

    /** A rule that stops chains only. */
    public ContradictionSpec(String field, String rule, Map<String, Object> params) {
        this(field, rule, params, CHAIN, null);
    }

    public boolean direct() {
        return DIRECT.equals(scope);
    }

    /** The rule's name in explanations: {@code field_rule}, e.g. {@code tax_id_identifier_differs}. */
    public String label() {
        return field + "_" + rule;
    }
}
