package de.grw.matching.output;

import de.grw.common.AtomicFiles;
import de.grw.importing.ImportProblem;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.Contribution;
import de.grw.matching.model.Scorer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the files of a match run: clusters, scored pairs with explanations, and rejected input. All atomic. */
public final class MatchOutputs {
    private MatchOutputs() {
    }

    /** {@code source,record_id,cluster_id}, one row per input record, in input order. */
    public static void writeClusters(Path file, MatchResult result) throws IOException {
        RecordTable table = result.records().table();
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            w.write("source,record_id,cluster_id\n");
            for (int r = 0; r < table.size(); r++) {
                w.write(CsvText.quote(table.sourceName(r)));
                w.write(',');
                w.write(CsvText.quote(table.recordId(r)));
                w.write(',');
                w.write(Integer.toString(result.clusterOf(r)));
                w.write('\n');
            }
            w.flush();
        });
    }

    /**
     * Scored candidate pairs with probability, match weight, whether they share a cluster, what the pair is weighed
     * against ({@code others}: two people taken at random; or a household class such as {@code household} or
     * {@code twins}), the prior weight, and for each comparison the level reached and its weight in bits: why the pair
     * was proposed. Prior and weights add up to the match weight.
     *
     * @param minProbability pairs below this probability are left out (0 writes all candidate pairs)
     * @return number of pairs written
     */
    public static long writePairs(Path file, MatchResult result, double minProbability) throws IOException {
        RecordTable table = result.records().table();
        Scorer scorer = result.scorer();
        List<String> comparisons = result.explanationNames();
        long[] written = {0};
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            StringBuilder header = new StringBuilder(
                    "source_a,record_id_a,source_b,record_id_b,probability,match_weight,same_cluster,versus,"
                            + "prior_weight");
            for (String c : comparisons) {
                header.append(',').append(c).append("_level,").append(c).append("_weight");
            }
            w.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < result.pairCount(); i++) {
                double p = result.probability(i);
                if (p < minProbability) {
                    continue;
                }
                int a = result.first(i);
                int b = result.second(i);
                line.setLength(0);
                line.append(CsvText.quote(table.sourceName(a))).append(',').append(CsvText.quote(table.recordId(a)))
                        .append(',').append(CsvText.quote(table.sourceName(b))).append(',')
                        .append(CsvText.quote(table.recordId(b))).append(',')
                        .append(String.format(Locale.ROOT, "%.6f,%.3f", p, result.weight(i))).append(',')
                        .append(result.clusterOf(a) == result.clusterOf(b)).append(',');
                List<Contribution> explanation = result.explain(i);
                line.append(explanation.isEmpty() ? Contribution.OTHERS : explanation.get(0).versus()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", result.priorWeight(i)));
                for (Contribution c : explanation) {
                    line.append(',').append(c.level()).append(',')
                            .append(String.format(Locale.ROOT, "%.3f", c.weight()));
                }
                w.write(line.append('\n').toString());
                written[0]++;
            }
            w.flush();
        });
        return written[0];
    }

    /** Rejected rows and unusable values with file, line, column and reason. */
    public static void writeProblems(Path file, List<ImportProblem> problems) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            w.write("file,line,row,kind,column,problem,raw\n");
            for (ImportProblem p : problems) {
                w.write(CsvText.quote(p.file()) + ',' + p.line() + ',' + p.rowNumber() + ','
                        + (p.kind() == ImportProblem.Kind.REJECTED_ROW ? "rejected_row" : "invalid_value") + ','
                        + CsvText.quote(p.column()) + ',' + CsvText.quote(p.message()) + ','
                        + CsvText.quote(p.rawText()) + '\n');
            }
            w.flush();
        });
    }

    private static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
