package de.grw.learning;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.model.ModelParameters;
import de.grw.store.Workspace;
import de.grw.workspace.ModelQuality;
import de.grw.workspace.ModelTrainer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Trains a model version from the records and the clerks' decisions (issue 15): first the unsupervised EM as
 * {@link ModelTrainer#EM} does (household-aware, decisions only as constraints), then the decisions in effect as
 * labels correct it ({@link WorkspaceLearning#examples}, {@link LabelledTraining}); the records are scored and
 * clustered again with the corrected model, so that the stored version's parameters are the corrected model and its
 * estimated quality is the corrected model's. The version's inputs name the decisions whose labels trained it:
 * those in effect (the {@link ModelTrainer.Input#decisions}) that gave at least one labelled pair with a stored
 * comparison vector. Pending, rejected and reverted decisions never train ({@link Labels}).
 * <p>
 * Without such a label the result is the EM's, with no decision used. With labels, the corrected model's quality is
 * estimated over the EM run's counted comparison vectors (without term frequencies), not by scoring every pair
 * again; only a profile with training rules, whose EM keeps no counts, scores the records a second time.
 * <p>
 * <b>Retraining without the records</b> ({@link #trainKept}, issue 15): when a model estimation over exactly today's
 * records kept its counts ({@code kept_patterns}, schema 18), the EM runs on those counts, the labels correct it
 * and the quality is estimated over them: no record is read and no pair scored, a second or less at a million
 * records instead of the twenty seconds of reading, blocking, comparing and scoring.
 */
public final class LearningTrainer implements ModelTrainer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LearningTrainer.class);
    private final Workspace workspace;
    private final LearningSettings settings;

    public LearningTrainer(Workspace workspace, LearningSettings settings) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LearningTrainer(Workspace workspace) {
        this(workspace, LearningSettings.DEFAULTS);
    }

    @Override
    public String method() {
        return "em+labels";
    }

    @Override
    public Trained train(Input in, MatchOptions options, ProgressListener progress, CancellationToken cancel) {
        Trained unsupervised = ModelTrainer.EM.train(in, options, progress, cancel);
        MatchResult run = unsupervised.result();
        Labelled labelled = labelled(run.model(), in.decisions());
        if (labelled == null) {
            return unsupervised;
        }
        ModelParameters model = labelled.training().model();
        if (run.kept() != null) {
            // estimated over the run's counted comparison vectors: no second scoring of every pair
            return new Trained(run, model, ModelQuality.ofPatterns(run.kept().candidates(), model, run.threshold()),
                    labelled.examples().decisions());
        }
        // a profile with training rules keeps no counts: the records are scored again with the corrected model
        boolean[] everyRecord = new boolean[in.table().size()];
        Arrays.fill(everyRecord, true);
        MatchResult corrected = new de.grw.matching.IncrementalMatch(in.profile()).runWithModel(in.table(), model, options, everyRecord,
                touched -> touched, in.cannotLink(), in.mustLink(), in.keyCache(), progress, cancel);
        return new Trained(corrected, labelled.examples().decisions());
    }

    /**
     * The EM from the kept counts ({@link ModelTrainer#emFromKept}), corrected by the labels; quality over the kept
     * vectors. Costs the EM over some ten thousand distinct vectors, one indexed read per decided cluster and the fit.
     */
    @Override
    public Trained trainKept(KeptInput in) {
        if (!in.profile().training().isEmpty()) {
            return null;
        }
        Trained unsupervised = ModelTrainer.emFromKept(in);
        Labelled labelled = labelled(unsupervised.model(), in.decisions());
        if (labelled == null) {
            return unsupervised;
        }
        ModelParameters model = labelled.training().model();
        return new Trained(null, model, ModelQuality.ofPatterns(in.kept().candidates(), model,
                in.profile().threshold()), labelled.examples().decisions());
    }

    private record Labelled(WorkspaceLearning.Examples examples, Training training) {
    }

    /** The labels of the decisions in effect fitted over {@code base}; {@code null} without any usable label. */
    private Labelled labelled(ModelParameters base, List<Long> decisions) {
        WorkspaceLearning.Examples all = WorkspaceLearning.examples(workspace, base);
        Set<Long> inEffect = new HashSet<>(decisions);
        List<Long> used = all.decisions().stream().filter(inEffect::contains).toList();
        if (used.isEmpty()) {
            LOG.info("no decision in effect gives a labelled pair: the version is the unsupervised EM's");
            return null;
        }
        // the labels of exactly the decisions in effect the caller named (the workspace may have moved meanwhile)
        WorkspaceLearning.Examples examples = all.decisions().size() == used.size() ? all
                : workspace.read(c -> WorkspaceLearning.examples(c, base, inEffect));
        Training training = LabelledTraining.train(base, examples.examples(), (Candidates) null, settings);
        LOG.info("model trained with {} labelled pairs from {} decisions in {} s: {}", training.labels(),
                examples.decisions().size(), String.format(java.util.Locale.ROOT, "%.3f", training.seconds()),
                training.correction().describe());
        return new Labelled(examples, training);
    }
}
