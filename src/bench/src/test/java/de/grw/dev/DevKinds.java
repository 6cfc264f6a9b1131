package de.grw.dev;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.evaluation.PairKind;
import de.grw.evaluation.TruthFile;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.data.RecordTable;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer harness: matches a generated directory and prints the false merges of one {@link PairKind} with both
 * records, e.g. {@code DevKinds DIR TWINS 20}. Not a test.
 */
public final class DevKinds {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PairKind want = PairKind.valueOf(args[1]);
        int max = Integer.parseInt(args[2]);
        TruthFile truth = TruthFile.read(dir.resolve("truth.csv"));
        MatchJob.Outcome o = new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(
                List.of(dir.resolve("melderegister.csv"), dir.resolve("sozialamt.csv"), dir.resolve("kfz_halter.csv")),
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, ProgressListener.NONE, CancellationToken.NONE);
        RecordTable t = o.table();
        MatchResult r = o.result();
        int shown = 0;
        for (int p = 0; p < r.pairCount() && shown < max; p++) {
            int a = r.first(p);
            int b = r.second(p);
            if (r.clusterOf(a) != r.clusterOf(b)) {
                continue;
            }
            TruthFile.Row ta = truth.get(t.sourceName(a), t.recordId(a));
            TruthFile.Row tb = truth.get(t.sourceName(b), t.recordId(b));
            if (ta.person().equals(tb.person())) {
                continue;
            }
            if (PairKind.of(ta.household(), ta.relation(), tb.household(), tb.relation()) != want) {
                continue;
            }
            shown++;
            System.out.printf("p=%.4f %s %s | %s %s%n  %s%n  %s%n", r.probability(p), ta.relation(), ta.person(),
                    tb.relation(), tb.person(), DevEval.row(t, a), DevEval.row(t, b));
        }
    }
}
