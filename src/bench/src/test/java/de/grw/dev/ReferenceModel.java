package de.grw.dev;

import de.grw.common.CancellationToken;
import de.grw.importing.ColumnMapping;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.matching.MatchJob;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.model.ModelParameters;
import de.grw.profile.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool: estimates the model on a generated German population and prints the per-comparison reference
 * m and u values (and the share of records with a duplicate) in the profile's JSON form.
 */
public final class ReferenceModel {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        List<Path> inputs = List.of(dir.resolve("melderegister.csv"), dir.resolve("sozialamt.csv"),
                dir.resolve("kfz_halter.csv"));
        MatchJob.Outcome o = new MatchJob(ProfileLoader.defaultProfile(), MappingFile.NONE, null).run(inputs,
                MatchOptions.defaults(), new MatchJob.Observer() {
                    @Override
                    public void mapping(String source, ColumnMapping mapping) {
                    }

                    @Override
                    public void problem(ImportProblem problem) {
                    }
                }, (p, d, t) -> { }, CancellationToken.NONE);
        MatchResult r = o.result();
        ModelParameters m = r.model();
        for (int c = 0; c < m.comparisons().size(); c++) {
            StringBuilder ms = new StringBuilder();
            StringBuilder us = new StringBuilder();
            for (int l = 1; l < m.labels().get(c).size(); l++) {
                ms.append(l > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", m.m(c, l)));
                us.append(l > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", m.u(c, l)));
            }
            System.out.printf("%s: \"reference\": {\"m\": [%s], \"u\": [%s]}%n", m.comparisons().get(c), ms, us);
        }
        int records = r.recordCount();
        long inMulti = 0;
        int[] sizes = new int[r.clusters().clusterCount() + 1];
        for (int i = 0; i < records; i++) {
            sizes[r.clusterOf(i)]++;
        }
        for (int i = 0; i < records; i++) {
            if (sizes[r.clusterOf(i)] > 1) {
                inMulti++;
            }
        }
        System.out.printf(Locale.ROOT, "records %d, lambda %.4g, expected matches %.1f, share of records with a "
                + "duplicate %.4f%n", records, m.lambda(), m.lambda() * r.totalPairs(), (double) inMulti / records);
    }
}
