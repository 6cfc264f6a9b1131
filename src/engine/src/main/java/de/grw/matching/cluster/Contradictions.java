package de.grw.matching.cluster;

import de.grw.matching.compare.Params;
import de.grw.matching.compare.StringSimilarity;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.ContradictionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile's contradiction rules: two records that disagree clearly on a strong field (different strong
 * identifiers, clearly different birth dates) are kept out of one cluster however strong the chain between them.
 * A small difference (one typo) is not a contradiction.
 */
public final class Contradictions {
    private Contradictions() {
    }

    public static PairConstraint bind(List<ContradictionSpec> specs, PreparedRecords records) {
        List<PairConstraint> rules = new ArrayList<>();
        for (ContradictionSpec spec : specs) {
            PreparedField f = records.field(spec.field());
            Params p = new Params("contradiction on " + spec.field(), spec.params());
            int minEdits = p.integer("minEdits", 1);
            switch (spec.rule()) {
                case "identifier_differs" -> rules.add((a, b) -> {
                    int ia = f.id(a);
                    int ib = f.id(b);
                    return ia >= 0 && ib >= 0 && ia != ib
                            && StringSimilarity.damerau(f.valueOfId(ia), f.valueOfId(ib), minEdits) >= minEdits;
                });
                case "date_differs" -> rules.add((a, b) -> {
                    int ia = f.id(a);
                    int ib = f.id(b);
                    return ia >= 0 && ib >= 0 && ia != ib && datesContradict(f.valueOfId(ia), f.valueOfId(ib),
                            minEdits);
                });
                case "differs" -> rules.add((a, b) -> {
                    int ia = f.id(a);
                    int ib = f.id(b);
                    return ia >= 0 && ib >= 0 && ia != ib;
                });
                default -> throw new IllegalArgumentException("unknown contradiction rule '" + spec.rule()
                        + "'; known: identifier_differs, date_differs, differs");
            }
        }
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

    /** Dates {@code yyyymmdd} contradict unless incomplete-but-compatible, day/month swapped, or a few edits apart. */
    static boolean datesContradict(String a, String b, int minEdits) {
        if (a.length() != 8 || b.length() != 8) {
            return false;
        }
        String ya = a.substring(0, 4);
        String yb = b.substring(0, 4);
        String ma = a.substring(4, 6);
        String mb = b.substring(4, 6);
        String da = a.substring(6, 8);
        String db = b.substring(6, 8);
        if (ya.equals(yb)) {
            boolean monthOk = ma.equals("00") || mb.equals("00") || ma.equals(mb);
            boolean dayOk = da.equals("00") || db.equals("00") || da.equals(db);
            if (monthOk && dayOk) {
                return false;
            }
            if (ma.equals(db) && da.equals(mb)) {
                return false;
            }
        }
        return StringSimilarity.damerau(a, b, minEdits) >= minEdits;
    }
}
