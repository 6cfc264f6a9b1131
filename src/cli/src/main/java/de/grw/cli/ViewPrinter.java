package de.grw.cli;

import de.grw.journal.CanonicalJson;
import de.grw.profile.FieldSpec;
import de.grw.profile.FieldType;
import de.grw.profile.MatchProfile;
import de.grw.review.GoldenValue;
import de.grw.review.MemberRecord;
import de.grw.review.RecordLoader;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.ClusterView;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.GoldenView;
import de.grw.review.ReviewViews.PairView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints clusters and golden records for {@code grw show}: fields as rows, records as columns. */
final class ViewPrinter {
    private final PrintWriter out;
    private final MatchProfile profile;
    private final int width;

    ViewPrinter(PrintWriter out, MatchProfile profile, int width) {
        this.out = out;
        this.profile = profile;
        this.width = width;
    }

    void cluster(ClusterView v, String caseRef) {
        out.printf("cluster %d (%s), %d records; shown for case %s (logged)%n", v.clusterId(),
                lower(v.status().name()), v.members().size(), caseRef == null ? "-" : caseRef);
        if (v.note() != null && !v.note().isEmpty()) {
            out.println("note: " + v.note());
        }
        out.println();
        TextTable table = new TextTable(width);
        List<String> header = new ArrayList<>(List.of("field"));
        v.members().forEach(m -> header.add("record " + m.id()));
        header.addAll(List.of("proposed", "from"));
        table.row(header);
        identityRows(table, v.members(), 2);
        List<String> empty = new ArrayList<>();
        for (FieldSpec f : profile.fields()) {
            if (f.type() == FieldType.ID) {
                continue;
            }
            int index = profile.fieldIndex(f.name());
            GoldenValue proposed = v.proposal().get(f.name());
            boolean any = proposed != null && proposed.value() != null;
            List<String> row = new ArrayList<>(List.of(f.name()));
            for (MemberRecord m : v.members()) {
                String value = m.values().get(index);
                any |= value != null;
                row.add(value);
            }
            if (!any) {
                empty.add(f.name());
                continue;
            }
            row.add(proposed == null ? null : proposed.value());
            row.add(proposed == null ? null : origin(proposed));
            table.row(row);
        }
        table.print(out);
        footnotes(v.members(), empty);
        pairs(v.pairs());
        decisions(v.decisions());
    }

    void golden(GoldenView v, String caseRef) {
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
        v.members().forEach(m -> header.add("record " + m.id()));
        records.row(header);
        identityRows(records, v.members(), 0);
        List<String> none = new ArrayList<>();
        for (FieldSpec f : profile.fields()) {
            if (f.type() == FieldType.ID) {
                continue;
            }
            int index = profile.fieldIndex(f.name());
            List<String> row = new ArrayList<>(List.of(f.name()));
            boolean any = false;
            for (MemberRecord m : v.members()) {
                any |= m.values().get(index) != null;
                row.add(m.values().get(index));
            }
            if (any) {
                records.row(row);
            } else {
                none.add(f.name());
            }
        }
        records.print(out);
        footnotes(v.members(), none);
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

    private void footnotes(List<MemberRecord> members, List<String> empty) {
        if (!empty.isEmpty()) {
            out.println("empty in all records: " + String.join(", ", empty));
        }
        if (members.stream().anyMatch(MemberRecord::masked)) {
            out.println(RecordLoader.MASK + " = masked: the record is under a blocking notice (Auskunftssperre, "
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
            double prior = CanonicalJson.parse(p.explanationJson()).path("prior").asDouble();
            out.printf(Locale.ROOT, "  record %d and record %d: probability %.4f, match weight %+.2f (prior %+.2f)%n",
                    p.recordA(), p.recordB(), p.probability(), p.weight(), prior);
            TextTable t = new TextTable(0);
            List<String> missing = new ArrayList<>();
            for (String[] c : ReviewService.explanation(p.explanationJson())) {
                if (c[1].equals("missing")) {
                    missing.add(c[0]);
                } else {
                    t.row("    " + (c[3].equals("others") ? "" : "within " + c[3] + ": ") + c[0], c[1], signed(c[2]));
                }
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

    private static String origin(GoldenValue v) {
        if (v.value() == null) {
            return "";
        }
        return v.manual() ? "typed" : "record " + v.originRecord();
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
