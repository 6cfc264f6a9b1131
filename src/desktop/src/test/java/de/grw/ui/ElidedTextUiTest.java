package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.api.local.LocalWorkbench;
import de.grw.api.local.SampleWorkbench;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.ReviewScreen;
import de.grw.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks every screen of the workbench (start with both tabs, signed in; import with a preview, while it runs and its
 * status after it; matching while it runs, with the histogram and the model versions; review with a cluster, a larger
 * cluster, a long golden value, the status bar while a task runs, the help, the queue; approval with a
 * merge; journal and access log; export; the administrator's accounts with a one-time password) at 1024x700 and
 * 1920x1080, in German and English, and fails on every text a clerk cannot read: cut to "…", a prompt wider than
 * its field, or out of the window.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class ElidedTextUiTest extends ElidedWalkTest {
    private static Path sample;

    @BeforeAll
    static void buildSample() throws Exception {
        sample = Files.createTempDirectory("grw-elided").resolve("beispiel.grw");
        SampleWorkbench.build(sample, ProgressListener.NONE, CancellationToken.NONE).close();
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void noScreenCutsTextAt1024x700Or1920x1080InEitherLanguage() throws Exception {
        List<ElidedText.Problem> problems = walkAll();
        assertThat(problems).as("texts cut or out of the window").isEmpty();
    }

    @Override
    protected List<ElidedText.Problem> walk(String language, int width, int height) throws Exception {
        String at = language + " " + width + "x" + height;
        List<ElidedText.Problem> problems = new ArrayList<>();
        WorkbenchModel model = new WorkbenchModel();
        models.add(model);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executors.add(executor);
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        UserSettings settings = new UserSettings();
        settings.language = language;
        TaskRunner tasks = new TaskRunner(executor, i18n);
        UiTestSupport.onFx(() -> {
            model.use(LocalWorkbench.open(sample));
            Scene scene = WorkbenchApp.createScene(i18n, settings, model, tasks, stage);
            stage.setScene(scene);
            // at the screen's corner: a 1920x1080 window fits the headless screen only there
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        MainWindow window = (MainWindow) stage.getScene().getProperties().get(MainWindow.class);

        check(problems, at, "start");
        UiTestSupport.onFx(() -> node("#start-where", TabPane.class).getSelectionModel().select(1));
        check(problems, at, "start, server");
        UiTestSupport.onFx(() -> node("#start-where", TabPane.class).getSelectionModel().select(0));

        UiTestSupport.onFx(() -> {
            node("#start-user", TextField.class).setText(SampleWorkbench.SUPERVISOR);
            node("#start-password", TextField.class).setText(SampleWorkbench.PASSWORD);
            node("#start-sign-in", ButtonBase.class).fire();
        });
        waitFor(() -> model.signedIn() != null);
        show(window, "nav.start");
        check(problems, at, "start, signed in");

        show(window, "nav.import");
        check(problems, at, "import");
        // the sample's file less one line (the sample holds the file itself, and each walk imports its own)
        Path file = Files.createTempDirectory("grw-elided-import").resolve("sozialamt.csv");
        List<String> lines = Files.readAllLines(UiTestSupport.sample("sozialamt.csv"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        lines.remove(1 + models.size());
        Files.write(file, lines, java.nio.charset.StandardCharsets.ISO_8859_1);
        UiTestSupport.onFx(() -> {
            TextField path = node("#import-path", TextField.class);
            path.setText(file.toString());
            path.fireEvent(new ActionEvent());
        });
        waitFor(() -> !node("#import-mapping", TableView.class).getItems().isEmpty());
        check(problems, at, "import, preview");
        // an import while it runs (held behind other work: its progress, its cancel button, the status bar's task)
        // and its status after it
        UiTestSupport.onFx(() -> node("#import-source", TextField.class).setText("sozialamt_" + language + width));
        waitFor(() -> !node("#import-run", ButtonBase.class).isDisabled());
        java.util.concurrent.CountDownLatch importing = hold(executor);
        UiTestSupport.onFx(() -> node("#import-run", ButtonBase.class).fire());
        waitFor(() -> tasks.runningProperty().get());
        check(problems, at, "import, running");
        importing.countDown();
        waitFor(() -> !tasks.runningProperty().get() && node("#import-result", Node.class).isVisible());
        assertThat(node("#import-result", javafx.scene.control.Label.class).getText()).as("imported").isNotBlank();
        check(problems, at, "import, status");
        UiTestSupport.onFx(() -> node("#import-database", ButtonBase.class).fire());
        check(problems, at, "import, database");

        show(window, "nav.match");
        check(problems, at, "match");
        // the run while it waits and runs (held behind other work), then its histogram
        java.util.concurrent.CountDownLatch matching = hold(executor);
        UiTestSupport.onFx(() -> node("#match-start", ButtonBase.class).fire());
        waitFor(() -> tasks.runningProperty().get());
        check(problems, at, "match, running");
        matching.countDown();
        waitFor(() -> node("#match-summary", Node.class).isVisible() && !tasks.runningProperty().get());
        check(problems, at, "match, histogram");
        // the supervisors' model versions over the match screen, with its table's headings
        UiTestSupport.onFx(() -> node("#match-models", ButtonBase.class).fire());
        dialog(problems, at, "model versions", "#models-dialog",
                d -> !((TableView<?>) d.lookup("#models-table")).getItems().isEmpty());

        show(window, "nav.review");
        check(problems, at, "review, no case reference");
        ReviewScreen review = (ReviewScreen) window.screen("nav.review");
        UiTestSupport.onFx(() -> {
            TextField caseRef = node("#review-case", TextField.class);
            caseRef.setText(SampleWorkbench.CASE);
            caseRef.fireEvent(new ActionEvent());
        });
        waitFor(() -> review.viewModel().currentProperty().get() != null && !review.viewModel().busyProperty().get());
        check(problems, at, "review");
        for (int i = 0; i < 100 && review.viewModel().currentProperty().get().members().size() < 3; i++) {
            UiTestSupport.onFx(() -> node("#review-next", ButtonBase.class).fire());
            waitFor(() -> !review.viewModel().busyProperty().get());
        }
        check(problems, at, "review, " + review.viewModel().currentProperty().get().members().size() + " records");
        // a long golden value (a street with its additions): the clerk decides on it, so it is shown whole
        UiTestSupport.onFx(() -> {
            javafx.scene.control.TextInputControl golden = golden();
            golden.setText(LONG_VALUE);
            golden.fireEvent(new ActionEvent());
        });
        waitFor(() -> LONG_VALUE.equals(golden().getText()) && !review.viewModel().busyProperty().get());
        check(problems, at, "review, long golden value");
        // the status bar while a task runs: its title and phase, progress and cancel beside the user and workspace
        checkWhileRunning(tasks, i18n.get("import.importTask", "melderegister_2026_stadtteil_nord"), "estimate",
                problems, at, "review, a task running");
        UiTestSupport.onFx(() -> node("#review-help", ButtonBase.class).fire());
        check(problems, at, "review, help");
        UiTestSupport.onFx(() -> node("#review-help", ButtonBase.class).fire());
        Node toggle = stage.getScene().lookup("#review-queue-toggle");
        if (toggle != null && toggle.isVisible()) {
            UiTestSupport.onFx(() -> ((ButtonBase) toggle).fire());
            check(problems, at, "review, queue shown");
            UiTestSupport.onFx(() -> ((ButtonBase) toggle).fire());
        }

        // the bulk proposal's dialog, with its count and sample
        UiTestSupport.onFx(() -> review.viewModel().bandProperty().set(de.grw.ui.review.Band.HIGH));
        waitFor(() -> !node("#review-bulk", ButtonBase.class).isDisabled());
        UiTestSupport.onFx(() -> node("#review-bulk", ButtonBase.class).fire());
        dialog(problems, at, "review, bulk proposal", "#bulk-dialog",
                d -> d.lookup("#bulk-sample") != null || ((javafx.scene.control.Label) d.lookup("#bulk-count"))
                        .getText().matches("\\D*\\d.*"));
        UiTestSupport.onFx(() -> review.viewModel().bandProperty().set(de.grw.ui.review.Band.ALL));

        show(window, "nav.approval");
        waitFor(() -> !node("#approval-list", ListView.class).getItems().isEmpty());
        UiTestSupport.onFx(() -> node("#approval-list", ListView.class).getSelectionModel().select(0));
        waitFor(() -> stage.getScene().lookup("#approval-comparison") != null);
        check(problems, at, "approval");
        // each pending entry's text lies whole inside the list (not cut at its edge behind the scroll bar)
        UiTestSupport.onFx(() -> {
            ListView<?> list = node("#approval-list", ListView.class);
            javafx.scene.control.ScrollBar bar = list.lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar b && b.getOrientation()
                            == javafx.geometry.Orientation.VERTICAL && b.isVisible())
                    .map(javafx.scene.control.ScrollBar.class::cast).findFirst().orElse(null);
            double room = list.getWidth() - (bar == null ? 0 : bar.getWidth());
            int texts = 0;
            for (Node text : list.lookupAll(".list-cell .text")) {
                if (!(text instanceof javafx.scene.text.Text words) || words.getText() == null
                        || words.getText().isBlank() || !text.isVisible()) {
                    continue;
                }
                texts++;
                javafx.geometry.Bounds b = list.sceneToLocal(text.localToScene(text.getLayoutBounds()));
                if (b.getMaxX() > room + 0.5) {
                    problems.add(new ElidedText.Problem(at + ", approval", "approval entry beyond the list's "
                            + Math.round(room) + " px (to " + Math.round(b.getMaxX()) + ")", words.getText(),
                            words.getText()));
                }
            }
            assertThat(texts).as("approval entries").isPositive();
            // and as high as its lines (a wrapped entry squeezed into one line's height overlaps the next)
            for (Node entry : list.lookupAll("#approval-entry")) {
                javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) entry;
                if (l.isVisible() && l.getHeight() + 0.5 < l.prefHeight(l.getWidth())) {
                    problems.add(new ElidedText.Problem(at + ", approval", "approval entry squeezed to "
                            + Math.round(l.getHeight()) + " of " + Math.round(l.prefHeight(l.getWidth())) + " px",
                            l.getText(), l.getText()));
                }
            }
        });
        // the batch approval's dialog
        waitFor(() -> !node("#approval-bulk", ButtonBase.class).isDisabled());
        UiTestSupport.onFx(() -> node("#approval-bulk", ButtonBase.class).fire());
        dialog(problems, at, "approval, batch", "#approval-bulk-dialog", d -> true);

        // the password dialog of the status bar
        // (it waits for its answer in a nested event loop: fired without waiting for it)
        javafx.application.Platform.runLater(() -> node("#status-password", ButtonBase.class).fire());
        dialog(problems, at, "password", ".dialog-pane", d -> true);

        show(window, "nav.audit");
        UiTestSupport.onFx(() -> node("#audit-verify", ButtonBase.class).fire());
        waitFor(() -> !tasks.runningProperty().get());
        check(problems, at, "journal");
        UiTestSupport.onFx(() -> {
            Node n = node("#audit-journal", Node.class);
            while (!(n instanceof TabPane)) {
                n = n.getParent();
            }
            ((TabPane) n).getSelectionModel().select(1);
        });
        check(problems, at, "access log");

        show(window, "nav.export");
        check(problems, at, "export");
        UiTestSupport.onFx(model::signOut);

        // the administrator's accounts, and the one-time password of a new account
        UiTestSupport.onFx(() -> model.signIn(SampleWorkbench.ADMIN, SampleWorkbench.PASSWORD.toCharArray()));
        show(window, "nav.accounts");
        waitFor(() -> !node("#accounts-table", TableView.class).getItems().isEmpty() && !tasks.runningProperty()
                .get());
        check(problems, at, "accounts");
        String probe = "probe." + language + "." + width;
        UiTestSupport.onFx(() -> {
            node("#accounts-new-name", TextField.class).setText(probe);
            node("#accounts-new-person", TextField.class).setText("P-" + language + "-" + width);
            node("#accounts-add", ButtonBase.class).fire();
        });
        dialog(problems, at, "accounts, one-time password", "#accounts-password-dialog", d -> true);
        UiTestSupport.onFx(model::signOut);
        return problems;
    }

    /**
     * Waits for a dialog window whose scene holds {@code selector} and that is {@code ready}, checks it as a screen,
     * and closes it.
     */
    private void dialog(List<ElidedText.Problem> problems, String at, String what, String selector,
                        java.util.function.Predicate<Node> ready) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.stage.Window> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null && w.getScene().lookup(selector) != null
                        && ready.test(w.getScene().getRoot())) {
                    found.set(w);
                    return true;
                }
            }
            return false;
        }).get());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<ElidedText.Problem> seen = new ArrayList<>();
        UiTestSupport.onFx(() -> seen.addAll(ElidedText.in(found.get().getScene(), at + ", " + what)));
        seen.forEach(p -> System.out.println("ELIDED " + p));
        problems.addAll(seen);
        UiTestSupport.onFx(() -> found.get().hide());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A long value of the kind a clerk decides on: a street with its additions. */
    private static final String LONG_VALUE =
            "Hauptstraße 117, Hinterhaus, 3. Obergeschoss links, bei Familie Müller-Lüdenscheidt";

    /** The golden value of the comparison's street (or its first field). */
    private javafx.scene.control.TextInputControl golden() {
        List<Node> fields = stage.getScene().getRoot().lookupAll(".text-input").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("golden-")).toList();
        assertThat(fields).as("golden values").isNotEmpty();
        return (javafx.scene.control.TextInputControl) fields.stream().filter(n -> n.getId().contains("street"))
                .findFirst().orElse(fields.get(0));
    }

    /** Holds the single worker until the latch is counted down: work started meanwhile waits, shown as running. */
    private static java.util.concurrent.CountDownLatch hold(ExecutorService executor) {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        executor.execute(() -> {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return gate;
    }

    private void show(MainWindow window, String key) {
        UiTestSupport.onFx(() -> window.show(key));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
