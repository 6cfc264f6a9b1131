package de.grw.cli;

import de.grw.api.Comparisons;
import de.grw.review.ExplanationText;
import de.grw.review.ComparisonTable;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.PairView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints clusters and golden records for {@code grw show}: the engine's comparison ({@link
 * de.grw.api.Comparisons}) with fields as rows, records as columns, and whether the records agree.
 */
final class ViewPrinter {
    private final PrintWriter out;
    private final int width;

    ViewPrinter(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    void cluster(ClusterView v, ComparisonTable table, String caseRef) {
        out.printf("cluster %d (%s), %d records; shown for case %s (logged)%n", v.clusterId(),
                lower(v.status().name()), v.members().size(), caseRef == null ? "-" : caseRef);
        if (v.note() != null && !v.note().isEmpty()) {
            out.println("note: " + v.note());
        }
        extension(v);
        out.println();
        TextTable t = new TextTable(width);
        List<String> header = new ArrayList<>(List.of("field"));
        table.members().forEach(m -> header.add("record " + m.id()));
        header.addAll(List.of("proposed", "from", "records"));
        t.row(header);
        identityRows(t, table.members(), 3);
        rows(t, table, true);
        t.print(out);
        footnotes(table, table.emptyFields());
        pairs(v.pairs());
        decisions(v.decisions());
    }

    /** For a cluster in which new records join golden records: which, the choices kept, the merges that built them. */
    private void extension(ClusterView v) {
        if (v.extending() == null) {
            return;
        }
        out.println("extends golden record " + String.join(", ", v.extending().goldenIds())
                + "; a merge keeps its chosen and typed values unless you choose again");
        if (!v.extending().kept().isEmpty()) {
            List<String> kept = new ArrayList<>();
            v.extending().kept().forEach((field, choice) -> kept.add(field + " = "
                    + (choice instanceof de.grw.review.FieldChoice.FromRecord r ? "record " + r.recordId() : "typed")));
            out.println("kept choices: " + String.join(", ", kept));
        }
        List<String> history = new ArrayList<>();
        v.extending().history().forEach(d -> history.add("#" + d.id() + " " + lower(d.kind().name()) + " by "
                + d.proposedBy() + (d.reviewedBy() == null ? "" : ", approved by " + d.reviewedBy()) + " ("
                + lower(d.state().name()) + ")"));
        out.println("history: " + String.join("; ", history));
    }

    void golden(GoldenView v, ComparisonTable table, String caseRef) {
        out.printf("golden record %s (%s%s), %d records; shown for case %s (logged)%n", v.id(), lower(v.status()),
                v.mergedInto() == null ? "" : ", merged into " + v.mergedInto(), v.members().size(),
                caseRef == null ? "-" : caseRef);
        if (v.blocked()) {
            out.println("under a blocking notice (Auskunftssperre): left out of exports unless a supervisor includes "
                    + "it");
        }
        out.println();
        TextTable values = new TextTable(width).wholeLastColumn();
        values.row("field", "value", "origin");
        List<String> empty = new ArrayList<>();
        for (GoldenValue g : v.values()) {
            if (g.value() == null) {
                empty.add(g.field());
            } else {
                values.row(g.field(), g.value(), origin(g, v.members()));
            }
        }
        values.print(out);
        if (!empty.isEmpty()) {
            out.println("no value: " + String.join(", ", empty));
        }
        out.println();
        out.println("records");
        TextTable records = new TextTable(width);
        List<String> header = new ArrayList<>(List.of("field"));
        table.members().forEach(m -> header.add("record " + m.id()));
        header.add("records");
        records.row(header);
        identityRows(records, table.members(), 1);
        List<String> none = new ArrayList<>();
        for (ComparisonTable.Row r : table.rows()) {
            if (r.values().stream().allMatch(java.util.Objects::isNull)) {
                none.add(r.field());
            }
        }
        none.addAll(0, table.emptyFields());
        rows(records, table, false);
        records.print(out);
        footnotes(table, none);
    }

    /** The comparison's rows: the field, each record's value, (the golden value and its origin,) the agreement. */
    private static void rows(TextTable t, ComparisonTable table, boolean withGolden) {
        for (ComparisonTable.Row r : table.rows()) {
            if (!withGolden && r.values().stream().allMatch(java.util.Objects::isNull)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(r.field()));
            row.addAll(r.values());
            if (withGolden) {
                row.add(r.golden());
                row.add(r.golden() == null ? "" : r.manual() ? "typed" : r.origin() >= 0 ? "record "
                        + table.members().get(r.origin()).id() : "");
            }
            row.add(agreement(r));
            t.row(row);
        }
    }

    /** The engine's rule, in words: equal, equal after normalising (e.g. m and männlich), or different. */
    static String agreement(ComparisonTable.Row r) {
        return switch (r.equality()) {
            case EQUAL -> r.masked() ? "" : "equal";
            case EQUAL_AFTER_NORMALISING -> "equal after normalising";
            case DIFFERENT -> "differ";
        };
    }

    private void identityRows(TextTable table, List<MemberRecord> members, int extra) {
        List<String> source = new ArrayList<>(List.of("(source)"));
        List<String> key = new ArrayList<>(List.of("(record key)"));
        List<String> blocked = new ArrayList<>(List.of("(blocking notice)"));
        for (MemberRecord m : members) {
            source.add(m.source());
            key.add(m.recordKey());
            blocked.add(m.blocked() ? "yes" : "no");
        }
        for (int i = 0; i < extra; i++) {
            source.add("");
            key.add("");
            blocked.add("");
        }
        table.row(source).row(key).row(blocked);
    }

    private void footnotes(ComparisonTable table, List<String> empty) {
        if (!empty.isEmpty()) {
            out.println("empty in all records: " + String.join(", ", empty));
        }
        if (table.masked()) {
            out.println(Comparisons.MASK + " = masked: the record is under a blocking notice (Auskunftssperre, "
                    + "§ 51 BMG), which your role may not see");
        }
    }

    private void pairs(List<PairView> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        out.println();
        out.println("why the records were proposed (weights in bits; positive = evidence for the same person)");
        for (PairView p : pairs) {
            double prior = Comparisons.prior(p.explanationJson());
            out.printf(Locale.ROOT, "  record %d and record %d: probability %.4f, match weight %+.2f (prior %+.2f)%n",
                    p.recordA(), p.recordB(), p.probability(), p.weight(), prior);
            TextTable t = new TextTable(0);
            List<String> missing = new ArrayList<>();
            String versus = ExplanationText.OTHERS;
            for (String[] c : Comparisons.explanation(p.explanationJson())) {
                boolean contradiction = ExplanationText.isContradiction(c[0]);
                if (c[1].equals("missing")) {
                    if (!contradiction) { // "missing" on the contradiction line: no rule forbids the link
                        missing.add(ExplanationText.comparison(c[0], ExplanationText.OTHERS, Locale.ROOT));
                    }
                } else if (contradiction) {
                    t.row("    " + ExplanationText.comparison(c[0], c[3], Locale.ROOT),
                            ExplanationText.level(c[1], Locale.ROOT), ExplanationText.refused(Locale.ROOT));
                } else {
                    // against a household class: "same household: given names | different | -9.300"
                    t.row("    " + ExplanationText.comparison(c[0], c[3], Locale.ROOT),
                            ExplanationText.level(c[1], Locale.ROOT), signed(c[2]));
                    versus = c[3];
                }
            }
            if (!ExplanationText.OTHERS.equals(versus)) {
                out.println("    weighed against two people of one household (" + ExplanationText.versus(versus,
                        Locale.ROOT) + "), not two strangers: what they share is no evidence of one person");
            }
            t.print(out);
            if (!missing.isEmpty()) {
                out.println("    missing in one or both: " + String.join(", ", missing));
            }
        }
    }

    private void decisions(List<DecisionView> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        out.println();
        out.println("decisions");
        for (DecisionView d : decisions) {
            out.printf("  %d: %s, %s, by %s at %s, case %s%s%s%n", d.id(), lower(d.kind().name()),
                    lower(d.state().name()), d.proposedBy(), d.proposedAt(), d.caseRef().isEmpty() ? "-"
                            : d.caseRef(), d.comment().isEmpty() ? "" : ": " + d.comment(),
                    d.reviewedBy() == null ? "" : "; reviewed by " + d.reviewedBy() + " at " + d.reviewedAt()
                            + (d.reviewComment() == null || d.reviewComment().isEmpty() ? "" : ": "
                            + d.reviewComment()));
        }
    }

    private static String origin(GoldenValue v, List<MemberRecord> members) {
        if (v.manual()) {
            return "typed by a clerk";
        }
        for (MemberRecord m : members) {
            if (m.id() == v.originRecord()) {
                return "record " + m.id() + " (" + m.source() + " " + m.recordKey() + ")";
            }
        }
        return "record " + v.originRecord();
    }

    private static String signed(String number) {
        try {
            return String.format(Locale.ROOT, "%+.3f", Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
