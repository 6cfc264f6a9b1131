package de.grw.workspace;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.MatchOptions;
import de.grw.matching.blocking.KeyCache;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.util.List;
import java.util.Map;

/**
 * The training of a new model version for {@link WorkspaceMatcher} (apart from its match runs): from the counts kept
 * over today's records when it can, else over all records read.
 */
final class WorkspaceTrainer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceMatcher.class);
    private final Workspace workspace;
    private final boolean useSnapshot;
    private final ModelTrainer trainer;

    WorkspaceTrainer(Workspace workspace, boolean useSnapshot, ModelTrainer trainer) {
        this.workspace = workspace;
        this.useSnapshot = useSnapshot;
        this.trainer = trainer;
    }

    /**
     * Trains a new model version over all records of the workspace with the {@link ModelTrainer} and stores it with
     * its inputs and estimated quality (journalled). Unless the workspace has no usable active model yet, the version
     * is <em>not</em> active: a supervisor other than {@code session}'s user activates it. Nothing is matched: runs
     * keep scoring with the active model.
     *
     * @return the new version
     */
    int train(Session session, ProgressListener progress, CancellationToken cancel) {
        session.require(Permission.MATCH, "train_a_model");
        MatchProfile profile = WorkspaceProfile.profile(workspace);
        String profileJson = ProfileLoader.toJson(profile);
        Integer fromKept = trainKept(session, profile, profileJson);
        if (fromKept != null) {
            return fromKept;
        }
        WorkspaceLoader.Loaded loaded = workspace.read(c -> WorkspaceLoader.load(c, profile,
                useSnapshot ? RecordSnapshot.fingerprint(profileJson) : null));
        if (loaded.ids().length < 2) {
            throw new de.grw.common.UserFacingException(de.grw.common.Text.of("workspace.too_few"));
        }
        ModelRepository.ActiveModel active = loaded.active();
        String reason = active == null ? "first" : !WorkspaceMatcher.sameProfile(active.profileJson(), profileJson)
                ? "profile_changed" : "train";
        return train(session, profile, profileJson, loaded, reason.equals("train") ? null : reason, progress,
                cancel);
    }

    /** Trains and stores a version; with {@code initialReason} it becomes active at once (no usable model yet). */
    int train(Session session, MatchProfile profile, String profileJson, WorkspaceLoader.Loaded loaded,
                      String initialReason, ProgressListener progress, CancellationToken cancel) {
        long[] ids = loaded.ids();
        List<Long> inEffect = workspace.read(ModelTraining::decisionsInEffect);
        KeyCache keyCache = useSnapshot ? new KeyCache(loaded.keys()) : null;
        // active at once only for want of any usable model, and then never one trained from decisions (four eyes)
        ModelTrainer trainer = initialReason != null ? ModelTrainer.EM : this.trainer;
        ModelTrainer.Trained trained = trainer.train(new ModelTrainer.Input(profile, loaded.table(), ids,
                WorkspaceMatcher.cannotLink(loaded), WorkspaceMatcher.mustLink(loaded), inEffect, keyCache), MatchOptions.defaults(), progress, cancel);
        String reason = initialReason != null ? initialReason : "train";
        int version = workspace.write(c -> {
            int v = ModelTraining.store(c, workspace, session, null, ids.length, profileJson, trained.model(),
                    trained.quality(), reason, ModelTraining.inputs(trainer.method(), reason, ids, inEffect,
                            trained.decisionsUsed(), profileJson), initialReason != null);
            if (trained.result() != null && trained.result().kept() != null) {
                // the next training needs no records while they stay as they are
                KeptPatternsRepository.keep(c, null, workspace.now().toString(), profileJson, ids,
                        trained.result().kept());
            }
            return v;
        });
        LOG.info("model version {} trained by {} ({}) over {} records{}", version, session.user(), trainer.method(),
                ids.length, initialReason != null ? ", active at once (" + initialReason + ")"
                        : ", waiting for a supervisor's activation");
        return version;
    }

    /**
     * Trains from the counts kept over exactly today's records (issue 15: retraining after a decision without reading
     * the records or scoring every pair again), when the active model is for today's profile and the trainer can;
     * {@code null} otherwise (then the records are read).
     */
    private Integer trainKept(Session session, MatchProfile profile, String profileJson) {
        long start = System.nanoTime();
        record Found(KeptPatternsRepository.Kept kept, List<Long> inEffect) {
        }
        Found found = workspace.read(c -> {
            ModelRepository.ActiveModel active = ModelRepository.active(c);
            if (active == null || !WorkspaceMatcher.sameProfile(active.profileJson(), profileJson)) {
                return null;
            }
            var kept = KeptPatternsRepository.find(c, profileJson);
            return kept.isEmpty() ? null : new Found(kept.get(), ModelTraining.decisionsInEffect(c));
        });
        if (found == null) {
            LOG.info("no counts kept over today's records and profile: the training reads the records");
            return null;
        }
        ModelTrainer trainer = this.trainer;
        ModelTrainer.Trained trained = trainer.trainKept(new ModelTrainer.KeptInput(profile, found.kept().counts(),
                found.inEffect()));
        if (trained == null) {
            return null;
        }
        KeptPatternsRepository.Records r = found.kept().records();
        Map<String, Object> inputs = ModelTraining.inputs(trainer.method(), "train", r.count(),
                r.count() == 0 ? null : r.lastId(), found.kept().recordsSha256(), found.inEffect(),
                trained.decisionsUsed(), profileJson);
        // where the data came from: the counts kept with this run over the records named above
        inputs.put("counts_kept_with_run", found.kept().runId());
        int version = workspace.write(c -> ModelTraining.store(c, workspace, session, null, r.count(), profileJson,
                trained.model(), trained.quality(), "train", inputs, false));
        LOG.info("model version {} trained by {} ({}) from the counts kept over {} records ({} distinct comparison "
                + "vectors) in {} s, waiting for a supervisor's activation", version, session.user(),
                trainer.method(), r.count(), found.kept().counts().candidates().size(),
                WorkspaceMatcher.seconds(System.nanoTime() - start));
        return version;
    }
}
