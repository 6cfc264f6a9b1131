package de.grw.importing.read;

import de.grw.common.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns the raw header cells of a file into unique, non-blank column names, reporting repeated ones. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /**
     * The column names, and the columns whose name repeats an earlier one.
     *
     * @param names      unique, non-blank names, one per column
     * @param repeats    for each column whose name repeated an earlier one, its 0-based index
     * @param firstOf    for each of them, the 0-based index of the column that has the name first
     * @param givenNames for each of them, the name as it stood in the file
     */
    public record Names(List<String> names, List<Integer> repeats, List<Integer> firstOf, List<String> givenNames) {
        /** Tells the sink, per repeated name, which columns share it and what the later ones are called now. */
        void report(long line, RowEmitter out) {
            for (int i = 0; i < repeats.size(); i++) {
                out.notice(line, repeats.get(i), notice(i));
            }
        }

        /** As {@link #report(long, RowEmitter)}, for readers outside this package (databases). */
        public void report(long line, RowSink out) {
            for (int i = 0; i < repeats.size(); i++) {
                out.notice(line, repeats.get(i), notice(i));
            }
        }

        private Text notice(int i) {
            int column = repeats.get(i);
            return Text.of("import.duplicate_header", givenNames.get(i), firstOf.get(i) + 1, column + 1,
                    names.get(column));
        }
    }

    /**
     * Trims every name and removes byte-order marks from it (a file saved twice with one carries a second one in
     * its first name); a blank name becomes {@code column_N} (N = its 1-based position); a name that repeats an
     * earlier one becomes {@code NAME [N]} (N = its 1-based position), a form that never looks like a numbered
     * column group ({@code Vorname 2}), so two columns of one name are never joined silently: the later one is kept,
     * unmapped unless a mapping file maps it, and reported ({@link Names#repeats}).
     *
     * @param dropTrailingBlanks drop blank names at the end (produced by trailing delimiters such as {@code a;b;c;}
     *                           or by formatted but empty spreadsheet cells); at least one column always remains
     */
    public static Names of(List<String> raw, boolean dropTrailingBlanks) {
        List<String> trimmed = new ArrayList<>(raw.size());
        for (String name : raw) {
            trimmed.add(name == null ? "" : name.replace("\uFEFF", "").strip());
        }
        if (dropTrailingBlanks) {
            while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).isEmpty()) {
                trimmed.remove(trimmed.size() - 1);
            }
        }
        List<String> names = new ArrayList<>(trimmed.size());
        Set<String> taken = new HashSet<>();
        List<Integer> repeats = new ArrayList<>();
        List<Integer> firstOf = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < trimmed.size(); i++) {
            String candidate = trimmed.get(i).isEmpty() ? "column_" + (i + 1) : trimmed.get(i);
            if (!taken.add(candidate)) {
                repeats.add(i);
                firstOf.add(names.indexOf(candidate));
                given.add(candidate);
                String renamed = candidate + " [" + (i + 1) + "]";
                for (int k = 2; !taken.add(renamed); k++) {
                    renamed = candidate + " [" + (i + 1) + "." + k + "]";
                }
                candidate = renamed;
            }
            names.add(candidate);
        }
        return new Names(names, repeats, firstOf, given);
    }

    /** The names of {@link #of}, without the report. */
    public static List<String> normalize(List<String> raw, boolean dropTrailingBlanks) {
        return of(raw, dropTrailingBlanks).names();
    }
}
