package de.grw.matching.compare;

import java.util.List;
import java.util.Map;

/** Typed, checked access to the parameters of a profile element, with messages that name what is wrong. */
public record Params(String owner, Map<String, Object> values) {

    public String string(String key) {
        Object v = values.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(owner + ": parameter '" + key + "' (a text) is missing");
        }
        return s;
    }

    /** Whether a parameter is given. */
    public boolean has(String key) {
        return values.get(key) != null;
    }

    public double number(String key) {
        Object v = values.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(owner + ": parameter '" + key + "' (a number) is missing");
        }
        return n.doubleValue();
    }

    public int integer(String key, int fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** The list under {@code key}, or the single text under {@code singleKey} as a one-element list. */
    public List<String> strings(String key, String singleKey) {
        Object v = values.get(key);
        if (v instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(string(singleKey));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(String key) {
        Object v = values.get(key);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(owner + ": parameter '" + key + "' (a list of tests) is missing");
        }
        return (List<Map<String, Object>>) list;
    }
}
