package de.grw.api.local;

import de.grw.api.MatchRun;
import de.grw.api.MatchingApi;
import de.grw.api.ThresholdFigures;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchResult;
import de.grw.matching.cluster.ThresholdSweep;
import de.grw.store.Workspace;
import de.grw.workspace.ThresholdFiguresRepository;
import de.grw.workspace.WorkspaceMatcher;
import java.util.Arrays;
import java.util.List;

/** Match runs through the engine's {@link WorkspaceMatcher}. */
final class LocalMatching implements MatchingApi {
    private final LocalSignedIn signedIn;
    private final WorkspaceMatcher matcher;

    LocalMatching(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.matcher = de.grw.learning.Learning.matcher(workspace);
    }

    @Override
    public MatchRun run(Double threshold, boolean reestimate, ProgressListener progress, CancellationToken cancel) {
        WorkspaceMatcher.Result r = matcher.run(signedIn.session(), threshold, reestimate, progress, cancel);
        MatchResult m = r.result();
        if (m == null) {
            return new MatchRun(r.runId(), r.threshold(), r.records(), 0, r.clusters(), 0, r.unchanged(), 0, 0,
                    List.of(), r.kind().code(), r.modelVersion(), 0);
        }
        return new MatchRun(r.runId(), m.threshold(), r.records(), m.candidatePairCount(), r.clusters(), r.newClusters(),
                r.unchanged(), r.superseded(), m.clusters().refusedMerges(), m.model().describe(), r.kind().code(),
                r.modelVersion(), r.newRecords());
    }

    @Override
    public List<Double> weakestLinks(long runId) {
        signedIn.session();
        return Arrays.stream(matcher.weakestLinks(runId)).boxed().toList();
    }

    @Override
    public ThresholdFigures thresholdFigures(long runId) {
        signedIn.session();
        ThresholdFiguresRepository.Stored s = matcher.thresholdFigures(runId);
        if (s == null) {
            return new ThresholdFigures(runId, "", 0, 0, List.of(), List.of());
        }
        long pairs = s.figures().bins().stream().mapToLong(ThresholdSweep.Bin::pairs).sum();
        return new ThresholdFigures(runId, s.kind(), s.threshold(), pairs,
                s.figures().bins().stream().map(b -> new ThresholdFigures.Bin(b.from(), b.to(), b.pairs())).toList(),
                s.figures().steps().stream().map(t -> new ThresholdFigures.Step(t.threshold(), t.pairs(),
                        t.clusters())).toList());
    }
}
