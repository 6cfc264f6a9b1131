package de.grw.evaluation;

import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.synthetic.Relation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Evaluates a match run against a generator's truth file: pairwise quality and the {@link ErrorBreakdown}. For the
 * benchmark command and for tests that match a generated population.
 */
public final class MatchEvaluation {
    private MatchEvaluation() {
    }

    /**
     * @param table          the records matched, in the order of the result
     * @param result         the match result
     * @param birthDateField the table's field index of the birth date, or -1 if there is none
     * @param truth          the generator's {@code truth.csv}
     */
    public static ErrorBreakdown evaluate(RecordTable table, MatchResult result, int birthDateField, Path truth)
            throws IOException {
        ErrorBreakdown.Records inOrder = inOrder(table, birthDateField, truth);
        if (inOrder != null) {
            return evaluate(inOrder, table.size(), result);
        }
        return evaluate(table, result, birthDateField, TruthFile.read(truth));
    }

    /**
     * The truth of the table's records read straight into arrays when the file lists them in the table's order (as
     * the generator writes it and a match reads its files: source by source, row by row), without a map of all
     * records: a map of ten million truth rows is some 2 GB beside the match result. {@code null} when the file is
     * in another order or of another size, or names no households (then the map decides, as before).
     */
    static ErrorBreakdown.Records inOrder(RecordTable table, int birthDateField, Path truth) throws IOException {
        int n = table.size();
        String[] person = new String[n];
        String[] household = new String[n];
        Relation[] relation = new Relation[n];
        String[] source = new String[n];
        boolean[] withoutDate = new boolean[n];
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(truth,
                java.nio.charset.StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("source,record_id,person_id,household_id,relation")) {
                return null;
            }
            int i = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                if (i == n) {
                    return null;
                }
                String[] c = text.split(",", -1);
                if (c.length < 5 || !c[0].equals(table.sourceName(i)) || !c[1].equals(table.recordId(i))) {
                    return null;
                }
                person[i] = c[2];
                household[i] = c[3];
                relation[i] = Relation.ofLabel(c[4]);
                source[i] = table.sourceName(i);
                String date = birthDateField >= 0 ? table.value(i, birthDateField) : null;
                withoutDate[i] = date == null || date.isBlank();
                i++;
            }
            if (i != n) {
                return null;
            }
        }
        return new ErrorBreakdown.Records(person, household, relation, source, withoutDate);
    }

    public static ErrorBreakdown evaluate(RecordTable table, MatchResult result, int birthDateField, TruthFile truth) {
        int n = table.size();
        String[] person = new String[n];
        String[] household = new String[n];
        Relation[] relation = new Relation[n];
        String[] source = new String[n];
        boolean[] withoutDate = new boolean[n];
        for (int i = 0; i < n; i++) {
            TruthFile.Row row = truth.get(table.sourceName(i), table.recordId(i));
            if (row == null) {
                throw new IllegalStateException("no truth for " + table.sourceName(i) + "/" + table.recordId(i));
            }
            person[i] = row.person();
            household[i] = row.household();
            relation[i] = row.relation();
            source[i] = table.sourceName(i);
            String date = birthDateField >= 0 ? table.value(i, birthDateField) : null;
            withoutDate[i] = date == null || date.isBlank();
        }
        return evaluate(new ErrorBreakdown.Records(person, household, relation, source, withoutDate), n, result);
    }

    private static ErrorBreakdown evaluate(ErrorBreakdown.Records records, int n, MatchResult result) {
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = result.clusterOf(i);
        }
        long[] candidates = result.candidates().pairs();
        BitSet linked = new BitSet(candidates.length);
        for (int p = 0; p < result.pairCount(); p++) {
            if (result.probability(p) >= result.threshold()) {
                linked.set(p);
            }
        }
        return ErrorBreakdown.of(records, new ErrorBreakdown.Links(cluster, candidates, linked,
                result.leftOut().pairs() == 0));
    }
}
