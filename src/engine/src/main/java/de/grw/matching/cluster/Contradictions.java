package de.grw.matching.cluster;

import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.compare.Params;
import de.grw.matching.compare.StringSimilarity;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.ContradictionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile's contradiction rules: two records that disagree clearly on a strong field (different strong
 * identifiers, clearly different birth dates, birth years a generation apart, opposite sex) are kept out of one
 * cluster however strong the chain between them; a rule of scope {@code direct} forbids the direct link of the two as
 * well, unless one of its {@code unless} levels shows other evidence. A small difference (one typo) is not a
 * contradiction.
 */
public final class Contradictions {
    private Contradictions() {
    }

    /**
     * The rules bound to a run.
     *
     * @param chain  every rule: records it holds apart are not joined through a chain
     * @param direct the rules of scope {@code direct}, their {@code unless} levels considered: records it holds apart
     *               are not linked at all
     * @param labels per direct rule, its label; {@link #directReason} names the first that applies
     */
    public record Bound(PairConstraint chain, PairConstraint[] direct, String[] labels) {
        /** Whether some direct rule forbids linking the two records. */
        public boolean forbidsDirectLink(int a, int b) {
            return directReason(a, b) != null;
        }

        /** The label of the first direct rule that forbids linking the two, or {@code null}. */
        public String directReason(int a, int b) {
            int rule = directRule(a, b);
            return rule < 0 ? null : labels[rule];
        }

        /** The index of the first direct rule that forbids linking the two (its label {@code labels()[i]}), or -1. */
        public int directRule(int a, int b) {
            for (int i = 0; i < direct.length; i++) {
                if (direct[i].cannotLink(a, b)) {
                    return i;
                }
            }
            return -1;
        }

        public boolean hasDirectRules() {
            return direct.length > 0;
        }
    }

    /** Every rule as a chain rule, without {@code unless} (the rules' plain meaning). */
    public static PairConstraint bind(List<ContradictionSpec> specs, PreparedRecords records) {
        List<PairConstraint> rules = new ArrayList<>();
        for (ContradictionSpec spec : specs) {
            rules.add(rule(spec, records));
        }
        return any(rules);
    }

    /** The rules with their scopes, {@code unless} levels evaluated with the run's comparisons. */
    public static Bound bind(List<ContradictionSpec> specs, PreparedRecords records, CompiledComparisons comparisons) {
        List<PairConstraint> all = new ArrayList<>();
        List<PairConstraint> direct = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ContradictionSpec spec : specs) {
            PairConstraint rule = rule(spec, records);
            all.add(rule);
            if (spec.direct()) {
                direct.add(withUnless(rule, spec, comparisons));
                labels.add(spec.label());
            }
        }
        return new Bound(any(all), direct.toArray(new PairConstraint[0]), labels.toArray(new String[0]));
    }

    private static PairConstraint withUnless(PairConstraint rule, ContradictionSpec spec,
                                             CompiledComparisons comparisons) {
        if (spec.unless().isEmpty()) {
            return rule;
        }
        List<String> names = comparisons.names();
        int[] which = new int[spec.unless().size()];
        boolean[][] levels = new boolean[which.length][];
        int j = 0;
        for (var e : spec.unless().entrySet()) {
            int k = names.indexOf(e.getKey());
            if (k < 0) {
                throw new IllegalArgumentException("contradiction on " + spec.field() + ": unless refers to unknown "
                        + "comparison '" + e.getKey() + "'");
            }
            which[j] = k;
            levels[j] = new boolean[comparisons.levelCount(k)];
            List<String> labels = comparisons.labels(k);
            for (String level : e.getValue()) {
                int l = labels.indexOf(level);
                if (l < 0) {
                    throw new IllegalArgumentException("contradiction on " + spec.field() + ": comparison '"
                            + e.getKey() + "' has no level '" + level + "'");
                }
                levels[j][l] = true;
            }
            j++;
        }
        return (a, b) -> {
            if (!rule.cannotLink(a, b)) {
                return false;
            }
            for (int i = 0; i < which.length; i++) {
                if (levels[i][comparisons.level(which[i], a, b)]) {
                    return false;
                }
            }
            return true;
        };
    }

    private static PairConstraint any(List<PairConstraint> rules) {
        if (rules.isEmpty()) {
            return PairConstraint.NONE;
        }
        PairConstraint[] all = rules.toArray(new PairConstraint[0]);
        return (a, b) -> {
            for (PairConstraint r : all) {
                if (r.cannotLink(a, b)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static PairConstraint rule(ContradictionSpec spec, PreparedRecords records) {
        PreparedField f = records.field(spec.field());
        Params p = new Params("contradiction on " + spec.field(), spec.params());
        int minEdits = p.integer("minEdits", 1);
        boolean steuerId = "steuer_id".equals(spec.params().get("checkDigit"));
        return switch (spec.rule()) {
            case "identifier_differs" -> (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                return ia >= 0 && ib >= 0 && ia != ib
                        && (!steuerId || (SteuerId.valid(f.valueOfId(ia)) && SteuerId.valid(f.valueOfId(ib))))
                        && StringSimilarity.damerau(f.valueOfId(ia), f.valueOfId(ib), minEdits) >= minEdits;
            };
            case "date_differs" -> (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                return ia >= 0 && ib >= 0 && ia != ib && datesContradict(f.valueOfId(ia), f.valueOfId(ib), minEdits);
            };
            case "years_apart" -> {
                int minYears = p.integer("minYears", 15);
                yield (a, b) -> {
                    int ia = f.id(a);
                    int ib = f.id(b);
                    return ia >= 0 && ib >= 0 && ia != ib && yearsApart(f.valueOfId(ia), f.valueOfId(ib), minYears);
                };
            }
            case "differs" -> (a, b) -> {
                int ia = f.id(a);
                int ib = f.id(b);
                return ia >= 0 && ib >= 0 && ia != ib;
            };
            default -> throw new IllegalArgumentException("unknown contradiction rule '" + spec.rule()
                    + "'; known: identifier_differs, date_differs, years_apart, differs");
        };
    }

    /**
     * Birth years (dates {@code yyyymmdd}) at least {@code minYears} apart that are not one typo of each other
     * ({@code 1986} and {@code 1968} are a swap of two digits, {@code 1951} and {@code 1981} one wrong digit).
     */
    static boolean yearsApart(String a, String b, int minYears) {
        if (a.length() != 8 || b.length() != 8 || a.startsWith("0000") || b.startsWith("0000")) {
            return false;
        }
        // the years compared as numbers first, without a String of each (this runs for many linked pairs)
        return Math.abs(Integer.parseInt(a, 0, 4, 10) - Integer.parseInt(b, 0, 4, 10)) >= minYears
                && StringSimilarity.damerau(a.substring(0, 4), b.substring(0, 4), 2) >= 2;
    }

    /** Dates {@code yyyymmdd} contradict unless incomplete-but-compatible, day/month swapped, or a few edits apart. */
    static boolean datesContradict(String a, String b, int minEdits) {
        if (a.length() != 8 || b.length() != 8) {
            return false;
        }
        // yyyy mm dd compared in place (no String per part: this runs for many linked pairs)
        if (a.regionMatches(0, b, 0, 4)) {
            boolean monthOk = a.startsWith("00", 4) || b.startsWith("00", 4) || a.regionMatches(4, b, 4, 2);
            boolean dayOk = a.startsWith("00", 6) || b.startsWith("00", 6) || a.regionMatches(6, b, 6, 2);
            if (monthOk && dayOk) {
                return false;
            }
            if (a.regionMatches(4, b, 6, 2) && a.regionMatches(6, b, 4, 2)) {
                return false;
            }
        }
        return StringSimilarity.damerau(a, b, minEdits) >= minEdits;
    }
}
