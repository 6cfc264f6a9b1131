package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.api.ThresholdFigures;
import de.grw.api.local.SampleWorkbench;
import de.grw.review.ReviewViews;
import de.grw.ui.matching.MatchScreen;
import de.grw.ui.matching.MatchViewModel;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shows the match screen after a run (histogram, a tried threshold and what it would change) in a real
 * window, then on F9 the journal and on F10 the access log in words, to look at them (screenshots with
 * window-shot). The sample workspace, signed in as the supervisor, who may read the access log. Runs only with
 * {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 100 --keys "F9 F10" --out target/shots/de-1024 -- mvn -B -o test \
 *     -pl src/desktop -am -Dtest=PicturesWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class PicturesWindowShow extends WindowShow {

    @Test
    void showTheMatchHistogramAndTheJournalInWords() throws Exception {
        sample("grw-pictures-show");
        model.signIn(SampleWorkbench.SUPERVISOR, SampleWorkbench.PASSWORD.toCharArray());
        SignedIn supervisor = model.signedIn();
        // a few views for the access log
        List<ReviewViews.QueueEntry> queue = supervisor.review().queue(Set.of(), 3);
        for (ReviewViews.QueueEntry q : queue) {
            supervisor.review().show(q.clusterId(), SampleWorkbench.CASE);
        }
        MatchViewModel[] vm = new MatchViewModel[1];
        show(() -> {
            window.show("nav.match");
            vm[0] = ((MatchScreen) window.screen("nav.match")).viewModel();
            vm[0].start();
        });
        onKey(KeyCode.F9, () -> window.show("nav.audit"));
        onKey(KeyCode.F10, () -> {
            window.show("nav.audit");
            ((TabPane) stage.getScene().lookup(".tab-pane")).getSelectionModel().select(1);
        });
        waitFor(() -> vm[0].whatIf().figuresProperty().get() != null);
        onFx(() -> {
            ThresholdFigures f = vm[0].whatIf().figuresProperty().get();
            double tried = f.threshold() > 0.6 ? f.threshold() - 0.3 : f.threshold() + 0.2;
            vm[0].thresholdProperty().set(Math.round(tried * 100) / 100.0);
        });
        hold("pictures-window-show", "match screen ready; F9 journal, F10 access log", 120);
    }
}
