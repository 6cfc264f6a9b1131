package de.grw.dev;

import de.grw.matching.MatchResult;
import java.util.List;

/** Prints the level distribution among true pairs (diagnosis of EM only). */
final class LevelDiag {
    static void print(MatchResult result, List<String> truth) {
        var comps = result.scorer().comparisons();
        long[][] counts = new long[comps.count()][16];
        long total = 0;
        for (int i = 0; i < result.pairCount(); i++) {
            if (truth.get(result.first(i)).equals(truth.get(result.second(i)))) {
                total++;
                for (int c = 0; c < comps.count(); c++) {
                    counts[c][de.grw.matching.compare.CompiledComparisons.level(result.pattern(i), c)]++;
                }
            }
        }
        System.out.println("true candidate pairs: " + total);
        for (int c = 0; c < comps.count(); c++) {
            long present = 0;
            for (int l = 1; l < comps.levelCount(c); l++) {
                present += counts[c][l];
            }
            if (present == 0) {
                continue;
            }
            for (int l = 1; l < comps.levelCount(c); l++) {
                System.out.printf("  TRUE %-20s %-28s share=%.4f model m=%.4f%n", comps.name(c), comps.label(c, l),
                        (double) counts[c][l] / present, result.model().m(c, l));
            }
        }
    }
}
