package de.grw.importing.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the raw header cells of a file into unique, non-blank column names. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /**
     * Trims every name; a blank name becomes {@code column_N} (N = its 1-based position); a repeated name gets
     * {@code _2}, {@code _3}, ... appended.
     *
     * @param dropTrailingBlanks drop blank names at the end (produced by trailing delimiters such as {@code a;b;c;}
     *                           or by formatted but empty spreadsheet cells); at least one column always remains
     */
    public static List<String> normalize(List<String> raw, boolean dropTrailingBlanks) {
        List<String> trimmed = new ArrayList<>(raw.size());
        for (String name : raw) {
            trimmed.add(name == null ? "" : name.strip());
        }
        if (dropTrailingBlanks) {
            while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).isEmpty()) {
                trimmed.remove(trimmed.size() - 1);
            }
        }
        List<String> names = new ArrayList<>(trimmed.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < trimmed.size(); i++) {
            String base = trimmed.get(i).isEmpty() ? "column_" + (i + 1) : trimmed.get(i);
            String candidate = base;
            for (int k = 2; !used.add(candidate); k++) {
                candidate = base + "_" + k;
            }
            names.add(candidate);
        }
        return names;
    }
}
