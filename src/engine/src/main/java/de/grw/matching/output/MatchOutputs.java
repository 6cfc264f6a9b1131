package de.grw.matching.output;

import de.grw.common.AtomicFiles;
import de.grw.common.CsvCells;
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

/**
 * Writes the files of a match run: clusters, scored pairs with explanations, and rejected input. All atomic; UTF-8,
 * comma-separated, RFC 4180 quoting; cells neutralised against formula injection unless raw cells are asked for
 * ({@link CsvCells}: numbers such as the pairs' negative weights stay as they are).
 */
public final class MatchOutputs {
    private static final char SEPARATOR = ',';

    private MatchOutputs() {
    }

    /** {@code source,record_id,cluster_id}, one row per input record, in input order; cells neutralised. */
    public static void writeClusters(Path file, MatchResult result) throws IOException {
        writeClusters(file, result, false);
    }

    /**
     * {@code source,record_id,cluster_id}, one row per input record, in input order.
     *
     * @param raw cells exactly as read, not neutralised against formula injection
     */
    public static void writeClusters(Path file, MatchResult result, boolean raw) throws IOException {
        RecordTable table = result.records().table();
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            w.write("source,record_id,cluster_id\n");
            for (int r = 0; r < table.size(); r++) {
                w.write(cell(table.sourceName(r), raw));
                w.write(SEPARATOR);
                w.write(cell(table.recordId(r), raw));
                w.write(SEPARATOR);
                w.write(Integer.toString(result.clusterOf(r)));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** Scored candidate pairs (see {@link #writePairs(Path, MatchResult, double, boolean)}), cells neutralised. */
    public static long writePairs(Path file, MatchResult result, double minProbability) throws IOException {
        return writePairs(file, result, minProbability, false);
    }

    /**
     * Scored candidate pairs with probability, match weight, whether they share a cluster, what the pair is weighed
     * against ({@code others}: two people taken at random; or a household class such as {@code household} or
     * {@code twins}), the prior weight, and for each comparison the level reached and its weight in bits: why the pair
     * was proposed. Prior and weights add up to the match weight.
     *
     * @param minProbability pairs below this probability are left out (0 writes all candidate pairs the result holds:
     *                       a run too large to hold them all holds those at or above its threshold,
     *                       {@link MatchResult#leftOut})
     * @param raw            cells exactly as read, not neutralised against formula injection
     * @return number of pairs written
     */
    public static long writePairs(Path file, MatchResult result, double minProbability, boolean raw)
            throws IOException {
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
                header.append(',').append(cell(c + "_level", raw)).append(',').append(cell(c + "_weight", raw));
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
                line.append(cell(table.sourceName(a), raw)).append(',').append(cell(table.recordId(a), raw))
                        .append(',').append(cell(table.sourceName(b), raw)).append(',')
                        .append(cell(table.recordId(b), raw)).append(',')
                        .append(number("%.6f", p, raw)).append(',')
                        .append(number("%.3f", result.weight(i), raw)).append(',')
                        .append(result.clusterOf(a) == result.clusterOf(b)).append(',');
                List<Contribution> explanation = result.explain(i);
                line.append(explanation.isEmpty() ? Contribution.OTHERS : explanation.get(0).versus()).append(',')
                        .append(number("%.3f", result.priorWeight(i), raw));
                for (Contribution c : explanation) {
                    line.append(',').append(c.level()).append(',')
                            .append(number("%.3f", c.weight(), raw));
                }
                w.write(line.append('\n').toString());
                written[0]++;
            }
            w.flush();
        });
        return written[0];
    }

    /** Rejected rows, unusable values and notices, cells neutralised. */
    public static void writeProblems(Path file, List<ImportProblem> problems) throws IOException {
        writeProblems(file, problems, false);
    }

    /**
     * Rejected rows, unusable values and notices with file, line, column and reason ({@code kind}:
     * {@code rejected_row}, {@code invalid_value} or {@code notice}).
     *
     * @param raw cells exactly as read, not neutralised against formula injection
     */
    public static void writeProblems(Path file, List<ImportProblem> problems, boolean raw) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            w.write("file,line,row,kind,column,problem,raw\n");
            for (ImportProblem p : problems) {
                w.write(cell(p.file(), raw) + ',' + p.line() + ',' + p.rowNumber() + ',' + kind(p.kind()) + ','
                        + cell(p.column(), raw) + ',' + cell(p.message(), raw) + ',' + cell(p.rawText(), raw)
                        + '\n');
            }
            w.flush();
        });
    }

    private static String kind(ImportProblem.Kind kind) {
        return switch (kind) {
            case REJECTED_ROW -> "rejected_row";
            case INVALID_VALUE -> "invalid_value";
            case NOTICE -> "notice";
        };
    }

    /**
     * A number as formatted; a finite number is a plain number, which is never neutralised, so only
     * {@code -Infinity} and the like go through {@link CsvCells}.
     */
    private static String number(String format, double value, boolean raw) {
        String text = String.format(Locale.ROOT, format, value);
        return Double.isFinite(value) ? text : cell(text, raw);
    }

    private static String cell(String value, boolean raw) {
        return CsvCells.cell(value, SEPARATOR, !raw);
    }

    private static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
