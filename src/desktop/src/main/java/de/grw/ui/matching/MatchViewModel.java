package de.grw.ui.matching;

import de.grw.api.MatchRun;
import de.grw.api.SignedIn;
import de.grw.api.ThresholdFigures;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.ui.review.Band;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A match run over the workspace: the threshold, the run in the background with one progress per phase, cancelling,
 * and the summary afterwards with the clusters by confidence band. Knows no controls; tested without a robot.
 */
public final class MatchViewModel {
    /** The engine's phases in their order. */
    public static final List<String> PHASES = List.of("normalise", "block", "compare", "estimate", "score", "cluster");

    /**
     * What a run found.
     *
     * @param runId          the stored run
     * @param threshold      the threshold used
     * @param records        records matched
     * @param candidatePairs pairs compared
     * @param clusters       clusters of more than one record
     * @param newClusters    clusters new in the queue
     * @param unchanged      clusters an earlier run proposed already (their review state is kept)
     * @param superseded     open clusters of earlier runs this run no longer proposes
     * @param bands          the run's clusters by the confidence band of their weakest link
     */
    public record Summary(long runId, double threshold, int records, int candidatePairs, int clusters,
                          int newClusters, int unchanged, int superseded, Map<Band, Integer> bands) {
        public Summary {
            bands = Map.copyOf(bands);
        }

        public int band(Band band) {
            return bands.getOrDefault(band, 0);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchViewModel.class);
    private final AppContext ctx;
    private final ObservableList<PhaseProgress> phases = FXCollections.observableArrayList();
    private final ObjectProperty<Double> threshold = new SimpleObjectProperty<>(0.5);
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ThresholdWhatIf whatIf;
    /** Whose threshold the screen shows: it follows a new sign-in or workspace. */
    private SignedIn shown;

    public MatchViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.whatIf = new ThresholdWhatIf(ctx.i18n(), threshold);
        for (String key : PHASES) {
            phases.add(new PhaseProgress(key, ctx.i18n().get("phase." + key)));
        }
    }

    private I18n t() {
        return ctx.i18n();
    }

    /** Called when the screen is shown: another workspace brings its profile's threshold and clears the summary. */
    public void refresh() {
        SignedIn now = ctx.model().signedIn();
        if (now == shown) {
            return;
        }
        shown = now;
        if (now != null) {
            threshold.set(now.governance().profile().threshold());
        }
        summary.set(null);
        whatIf.figuresProperty().set(null);
        message.set("");
        phases.forEach(PhaseProgress::reset);
    }

    /** Starts a match run in the background. */
    public void start() {
        refresh();
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            message.set(t().get("match.signInFirst"));
            return;
        }
        if (running.get()) {
            return;
        }
        Double th = threshold.get();
        if (th == null || th <= 0 || th >= 1) {
            message.set(t().get("match.thresholdRange"));
            return;
        }
        summary.set(null);
        whatIf.figuresProperty().set(null);
        PhaseTracker tracker = new PhaseTracker(phases, t());
        ProgressListener phaseListener = tracker.listener();
        running.set(true);
        message.set(t().get("match.running"));
        ctx.tasks().run(t().get("match.task"), (progress, cancel) -> {
            MatchRun r = signedIn.matching().run(th, (phase, done, total) -> {
                progress.progress(phase, done, total);
                phaseListener.progress(phase, done, total);
            }, cancel);
            return new Finished(summarise(r, signedIn.matching().weakestLinks(r.runId())),
                    figures(signedIn, r.runId()));
        }, done -> {
            Summary s = done.summary();
            tracker.finish(true);
            running.set(false);
            summary.set(s);
            whatIf.figuresProperty().set(done.figures());
            message.set(t().get("match.done", s.clusters(), s.newClusters()));
        }, error -> {
            tracker.finish(false);
            running.set(false);
            message.set(Errors.message(error, t()));
            if (!(error instanceof UserFacingException) && !(error.getCause() instanceof UserFacingException)) {
                ctx.errors().accept(error);
            }
        }, late -> {
            tracker.finish(late != null);
            running.set(false);
            summary.set(late == null ? null : late.summary());
            whatIf.figuresProperty().set(late == null ? null : late.figures());
            message.set(t().get(late == null ? "match.cancelled" : "match.cancelTooLate"));
        });
    }

    /** A finished run: its summary and threshold figures (null when the server offers none). */
    private record Finished(Summary summary, ThresholdFigures figures) {
    }

    /** The run's threshold figures; a failure to fetch them (an older server) costs only the chart. */
    private static ThresholdFigures figures(SignedIn signedIn, long runId) {
        try {
            ThresholdFigures f = signedIn.matching().thresholdFigures(runId);
            return f.steps().isEmpty() ? null : f;
        } catch (RuntimeException e) {
            LOG.warn("the threshold figures of run {} could not be read", runId, e);
            return null;
        }
    }

    static Summary summarise(MatchRun r, List<Double> weakestLinks) {
        Map<Band, Integer> bands = new EnumMap<>(Band.class);
        for (Band b : bands()) {
            bands.put(b, 0);
        }
        for (double p : weakestLinks) {
            bands.merge(Band.of(p), 1, Integer::sum);
        }
        return new Summary(r.runId(), r.threshold(), r.records(), (int) r.candidatePairs(), r.clusters(),
                r.newClusters(), r.unchanged(), r.superseded(), bands);
    }

    /** Stops the run; the engine notices at its next check, and a stopped run stores nothing. */
    public void cancel() {
        if (running.get()) {
            message.set(t().get("match.cancelling"));
            ctx.tasks().cancel();
        }
    }

    /** Goes on to the review queue. */
    public void toReview() {
        ctx.navigate().accept("nav.review");
    }

    /** The phases of a run with their progress, in order. */
    public ObservableList<PhaseProgress> phases() {
        return phases;
    }

    /** The phase with a key. */
    public PhaseProgress phase(String key) {
        return phases.get(PHASES.indexOf(key));
    }

    /** The threshold from which a pair links two records (the profile's by default). */
    public ObjectProperty<Double> thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<Summary> summaryProperty() {
        return summary;
    }

    /** What moving the threshold would change, from the last run's figures. */
    public ThresholdWhatIf whatIf() {
        return whatIf;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The bands the summary shows, most certain first. */
    public static List<Band> bands() {
        return List.of(Band.HIGH, Band.MEDIUM, Band.LOW);
    }
}
