package de.grw.ui.review;

import de.grw.api.local.SampleWorkbench;
import de.grw.ui.WindowShow;
import javafx.event.ActionEvent;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shows the review of the sample workspace (signed in as the clerk, the case reference given, a cluster
 * of four records open) in a real window as large as the screen, to look at the comparison's layout; F9 shows the
 * next record, F10 shows or hides the queue, F11 moves to the next cluster (a single record's heading is seen on the
 * way), F7 puts a long family name into the golden record, F8 runs a task for 20 s (the status bar with it). Runs only
 * with {@code -Dgrw.window.show=true}, and with a display:
 * <pre>
 * window-shot --size 1024x700 --wait 90 --keys "F9 F10" --out /tmp/review-de-1024 -- mvn -B -o test \
 *     -pl src/desktop -Dtest=ReviewLayoutWindowShow -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgrw.window.show=true -Dsurefire.fx.args=-Dprism.order=sw [-Dgrw.window.language=en]
 * </pre>
 */
@EnabledIfSystemProperty(named = "grw.window.show", matches = "true")
class ReviewLayoutWindowShow extends WindowShow {

    @Test
    void showTheReviewAsLargeAsTheScreen() throws Exception {
        sample("grw-review-show");
        model.signIn(SampleWorkbench.CLERK, SampleWorkbench.PASSWORD.toCharArray());
        ReviewScreen[] review = new ReviewScreen[1];
        show(() -> {
            window.show("nav.review");
            review[0] = (ReviewScreen) window.screen("nav.review");
            TextField caseRef = (TextField) stage.getScene().lookup("#review-case");
            caseRef.setText(SampleWorkbench.CASE);
            caseRef.fireEvent(new ActionEvent());
        });
        onKey(KeyCode.F9, () -> fire("#records-next"));
        onKey(KeyCode.F10, () -> fire("#review-queue-toggle"));
        onKey(KeyCode.F11, () -> fire("#review-next"));
        // F7: a long golden value (wrapped whole in its column); F8: a task running for 20 s (the status bar's line)
        onKey(KeyCode.F7, () -> {
            if (stage.getScene().lookup("#golden-family_name") instanceof javafx.scene.control.TextInputControl name) {
                name.setText("Weinbeck-Müller-Lüdenscheidt genannt von Hohenzollern-Sigmaringen");
                name.fireEvent(new ActionEvent());
            }
        });
        onKey(KeyCode.F8, () -> tasks.run(i18n.get("import.importTask", "melderegister_2026_stadtteil_nord"),
                (progress, cancel) -> {
                    progress.progress("estimate", 1_234_567, 5_380_783);
                    for (int i = 0; i < 200 && !cancel.isCancelled(); i++) {
                        Thread.sleep(100);
                    }
                    return null;
                }, done -> { }, error -> { }));
        waitFor(() -> review[0].viewModel().currentProperty().get() != null);
        hold("review-layout-window-show", "review ready; F9 next record, F10 queue, F11 next cluster, F7 long value, F8 task", 120);
    }
}
