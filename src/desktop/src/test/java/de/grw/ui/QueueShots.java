package de.grw.ui;

import de.grw.api.SignedIn;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.BulkViews;
import de.grw.rights.Role;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.Band;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Not a test: the desktop in a real window for screenshots of the queue and the bulk dialogs
 * ({@code window-shot --out DIR -- java -cp ... de.grw.ui.QueueShots de|en queue|bulk|approval}), on a workspace of
 * the three samples, matched, signed in as the clerk (or, for {@code approval}, the supervisor after the clerk's bulk
 * proposal).
 */
public final class QueueShots extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String language = args.isEmpty() ? "de" : args.get(0);
        String mode = args.size() < 2 ? "queue" : args.get(1);
        Path dir = Files.createTempDirectory("grw-shots");
        WorkbenchModel model = UiTestSupport.signedInModel(dir);
        SignedIn clerk = model.signedIn();
        UiTestSupport.importSamples(clerk, "melderegister.csv", "sozialamt.csv", "kfz_halter.csv");
        clerk.matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        if (mode.equals("approval")) {
            BulkViews.Sample s = clerk.review().sampleForBulk(List.of(), 0.99, 1, "51.2-2026/0815");
            clerk.review().proposeAll(new BulkViews.Proposal(List.of(), 0.99, 1, s.batch(), s.sampleId(),
                    s.sampleIds(), "Stichprobe geprüft", "51.2-2026/0815"));
            try (SignedIn admin = model.workbench().signIn(UiTestSupport.ADMIN,
                    UiTestSupport.PASSWORD.toCharArray())) {
                UiTestSupport.addAccount(model.workbench(), admin, "bernd", Role.SUPERVISOR, UiTestSupport.PASSWORD);
            }
            model.signIn("bernd", UiTestSupport.PASSWORD.toCharArray());
        }
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        UserSettings settings = new UserSettings();
        settings.language = language;
        Scene scene = WorkbenchApp.createScene(i18n, settings, model,
                new TaskRunner(Executors.newSingleThreadExecutor(), i18n), stage);
        var bounds = Screen.getPrimary().getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setScene(scene);
        stage.show();
        later(1, () -> {
            if (mode.equals("approval")) {
                fire(scene, "#nav-nav-approval");
                later(2, () -> fire(scene, "#approval-bulk"));
                later(4, () -> {
                    for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                        Node b = w.getScene().lookup("#approval-bulk-sample");
                        if (b instanceof ButtonBase button) {
                            button.fire();
                        }
                    }
                });
                return;
            }
            fire(scene, "#nav-nav-review");
            later(1, () -> {
                TextField caseRef = (TextField) scene.lookup("#review-case");
                caseRef.setText("51.2-2026/0815");
                caseRef.fireEvent(new javafx.event.ActionEvent());
                @SuppressWarnings("unchecked")
                ComboBox<Band> band = (ComboBox<Band>) scene.lookup("#review-band");
                band.setValue(Band.HIGH);
            });
            if (mode.equals("bulk")) {
                later(4, () -> fire(scene, "#review-bulk"));
            }
        });
    }

    private static void fire(Scene scene, String id) {
        Node n = scene.lookup(id);
        if (n instanceof ButtonBase b) {
            b.fire();
        } else {
            System.err.println("no button " + id);
        }
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> Platform.runLater(r));
        p.play();
    }
}
