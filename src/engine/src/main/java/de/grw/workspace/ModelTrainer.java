package de.grw.workspace;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.blocking.KeyCache;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.compare.CompiledComparisons;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
import de.grw.matching.model.KeptCounts;
import de.grw.matching.model.ModelEstimator;
import de.grw.matching.model.ModelParameters;
import de.grw.profile.MatchProfile;
import java.util.List;

/**
 * How a new model version is trained from the workspace's records and decisions: the seam where the learning from
 * clerks' decisions (issue 15, {@code de.grw.learning}) plugs in. Whatever trains, the result is stored as a version
 * with the decisions it used as labels, and is not active until a supervisor activates it.
 * <p>
 * {@link #EM} is today's unsupervised estimation (the household-aware EM of {@code ModelEstimator}): it uses no
 * decision as a label (decisions only constrain the clustering: merged records stay together, cannot-links apart).
 */
public interface ModelTrainer {

    /**
     * What a trainer gets: the profile, the records (in {@code ids} order), the decisions as constraints and the
     * decisions in effect that may serve as labels.
     *
     * @param ids        the records' database ids, ascending; row {@code i} of {@code table} is record {@code ids[i]}
     * @param cannotLink pairs (row indexes) that must stay apart
     * @param mustLink   groups of rows that must stay together (approved golden records)
     * @param decisions  the ids of the decisions in effect (approved merges, not-a-duplicate, splits; neither
     *                   pending nor reverted), ascending: the labels a learning trainer may use
     */
    record Input(MatchProfile profile, RecordTable table, long[] ids, PairConstraint cannotLink, int[][] mustLink,
                 List<Long> decisions, KeyCache keyCache) {
    }

    /**
     * What a trainer gets without the records (issue 15): the counts a model estimation over exactly today's records
     * kept ({@link KeptPatternsRepository}), the profile and the decisions in effect.
     *
     * @param decisions the ids of the decisions in effect, ascending (as {@link Input#decisions})
     */
    record KeptInput(MatchProfile profile, KeptCounts kept, List<Long> decisions) {
    }

    /**
     * A trained model.
     *
     * @param result        the records scored with a model of this training, when it read them (its {@link
     *                      MatchResult#kept()} counts are kept for the next training); {@code null} for a training
     *                      from kept counts
     * @param model         the trained model
     * @param quality       its estimated quality
     * @param decisionsUsed the decisions whose labels the training used (empty for the unsupervised EM)
     */
    record Trained(MatchResult result, ModelParameters model, ModelQuality quality, List<Long> decisionsUsed) {
        public Trained {
            decisionsUsed = List.copyOf(decisionsUsed);
        }

        /** The records scored and clustered with the new model: model and quality are the result's. */
        public Trained(MatchResult result, List<Long> decisionsUsed) {
            this(result, result.model(), ModelQuality.of(result), decisionsUsed);
        }
    }

    /** A name for how it trains, recorded with every version ({@code em}, ...). */
    String method();

    Trained train(Input input, MatchOptions options, ProgressListener progress, CancellationToken cancel);

    /**
     * Trains from kept counts, without the records and without scoring every pair (the quality is estimated over the
     * counted comparison vectors, without term frequencies); {@code null} if this trainer cannot, and then the
     * records are read and {@link #train} is asked.
     */
    default Trained trainKept(KeptInput input) {
        return null;
    }

    /** The unsupervised EM from kept counts: the model {@link #EM} would estimate over the same records. */
    static Trained emFromKept(KeptInput in) {
        KeptCounts k = in.kept();
        ModelParameters model = ModelEstimator.fromCounts(in.profile(), comparisonsOf(in.profile()), k.emCounts(),
                k.u(), k.totalPairs(), k.recordCount(), k.candidates());
        return new Trained(null, model, ModelQuality.ofPatterns(k.candidates(), model, in.profile().threshold()),
                List.of());
    }

    /** The profile's comparisons, bound to no record (what an estimation from counts needs of them). */
    private static CompiledComparisons comparisonsOf(MatchProfile profile) {
        RecordTable none = new RecordTable.Builder(profile.fields().size()).build();
        return CompiledComparisons.compile(profile, PreparedRecords.prepare(none, profile, ProgressListener.NONE,
                CancellationToken.NONE));
    }

    /** The unsupervised EM: estimates m, u and household weights over all candidate pairs; no labels. */
    ModelTrainer EM = new ModelTrainer() {
        @Override
        public String method() {
            return "em";
        }

        @Override
        public Trained train(Input in, MatchOptions options, ProgressListener progress, CancellationToken cancel) {
            MatchResult result = new MatchEngine(in.profile()).run(in.table(), options, in.cannotLink(),
                    in.mustLink(), in.keyCache(), progress, cancel);
            return new Trained(result, List.of());
        }

        @Override
        public Trained trainKept(KeptInput in) {
            return in.profile().training().isEmpty() ? emFromKept(in) : null;
        }
    };
}
