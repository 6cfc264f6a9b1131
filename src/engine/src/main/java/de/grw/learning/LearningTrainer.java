package de.grw.learning;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchEngine;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.store.Workspace;
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
 * Without such a label the result is the EM's, with no decision used. With labels the records are scored twice (EM
 * run, then the re-score with the corrected model); the correction itself costs milliseconds.
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
        WorkspaceLearning.Examples all = WorkspaceLearning.examples(workspace, unsupervised.result().model());
        Set<Long> inEffect = new HashSet<>(in.decisions());
        List<Long> used = all.decisions().stream().filter(inEffect::contains).toList();
        if (used.isEmpty()) {
            LOG.info("no decision in effect gives a labelled pair: the version is the unsupervised EM's");
            return new Trained(unsupervised.result(), List.of());
        }
        // the labels of exactly the decisions in effect the caller named (the workspace may have moved meanwhile)
        WorkspaceLearning.Examples examples = all.decisions().size() == used.size() ? all
                : workspace.read(c -> WorkspaceLearning.examples(c, unsupervised.result().model(), inEffect));
        Training training = LabelledTraining.train(unsupervised.result().model(), examples.examples(),
                (Candidates) null, settings);
        boolean[] everyRecord = new boolean[in.table().size()];
        Arrays.fill(everyRecord, true);
        MatchResult corrected = new MatchEngine(in.profile()).runWithModel(in.table(), training.model(), options,
                everyRecord, touched -> touched, in.cannotLink(), in.mustLink(), in.keyCache(), progress, cancel);
        LOG.info("model trained with {} labelled pairs from {} decisions in {} s: {}", training.labels(),
                examples.decisions().size(), String.format(java.util.Locale.ROOT, "%.3f", training.seconds()),
                training.correction().describe());
        return new Trained(corrected, examples.decisions());
    }
}
