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
        return evaluate(table, result, birthDateField, TruthFile.read(truth));
    }

    public static ErrorBreakdown evaluate(RecordTable table, MatchResult result, int birthDateField, TruthFile truth) {
        int n = table.size();
        String[] person = new String[n];
        String[] household = new String[n];
        Relation[] relation = new Relation[n];
        String[] source = new String[n];
        boolean[] withoutDate = new boolean[n];
        int[] cluster = new int[n];
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
            cluster[i] = result.clusterOf(i);
        }
        long[] candidates = result.candidates().pairs();
        BitSet linked = new BitSet(candidates.length);
        for (int p = 0; p < result.pairCount(); p++) {
            if (result.probability(p) >= result.threshold()) {
                linked.set(p);
            }
        }
        return ErrorBreakdown.of(new ErrorBreakdown.Records(person, household, relation, source, withoutDate),
                new ErrorBreakdown.Links(cluster, candidates, linked));
    }
}
