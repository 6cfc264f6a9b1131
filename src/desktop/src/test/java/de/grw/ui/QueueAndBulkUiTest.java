package de.grw.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.access.AccessLog;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.ui.common.I18n;
import de.grw.ui.common.TaskRunner;
import de.grw.ui.common.UserSettings;
import de.grw.ui.common.WorkbenchModel;
import de.grw.ui.review.Band;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The queue says what a row is and keeps the current row selected after the review moves on by itself; the clerk
 * proposes a band in bulk after the sample, with the count before and the outcome after.
 */
@ExtendWith(ApplicationExtension.class)
class QueueAndBulkUiTest {
    private WorkbenchModel model;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        UiTestSupport.startToolkit();
        Path dir = Files.createTempDirectory("grw-queue");
        model = UiTestSupport.signedInModel(dir);
        UiTestSupport.importSamples(model.signedIn(), "melderegister.csv", "sozialamt.csv");
        model.signedIn().matching().run(null, ProgressListener.NONE, CancellationToken.NONE);
        I18n i18n = I18n.german();
        executor = Executors.newSingleThreadExecutor();
        stage.setScene(WorkbenchApp.createScene(i18n, new UserSettings(), model, new TaskRunner(executor, i18n),
                stage));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void rowsSayWhatAClusterIsTheCurrentOneStaysSelectedAndABandIsProposedAfterTheSample(FxRobot robot)
            throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#review-case").write("AZ 51.2-2026/0815").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<QueueEntry> queue = robot.lookup("#review-queue").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !queue.getItems().isEmpty()
                && queue.getItems().get(0).name() != null);
        QueueEntry first = queue.getItems().get(0);
        assertThat(first.sources()).isNotEmpty();
        assertThat(first.weakest()).isNotNull();
        // the row shows the name, the facts and the reason, not just numbers
        Label name = robot.from(queue).lookup("#queue-name").queryAs(Label.class);
        assertThat(name.getText()).isNotBlank().doesNotStartWith("Gruppe");
        assertThat(robot.from(queue).lookup((Label l) -> l.getText() != null
                && l.getText().startsWith("schwächste Verbindung")).tryQuery()).isPresent();
        // listing names is an access: one entry, with the case reference
        assertThat(UiTestSupport.read(model, AccessLog::all)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("QUEUE");
            assertThat(e.user()).isEqualTo(UiTestSupport.CLERK);
            assertThat(e.caseRef()).isEqualTo("AZ 51.2-2026/0815");
        });

        // the current row is selected; after a decision the review moves on and the new current row is selected
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getSelectionModel().getSelectedIndex() == 0);
        long decided = queue.getSelectionModel().getSelectedItem().clusterId();
        robot.press(KeyCode.ALT, KeyCode.M).release(KeyCode.M, KeyCode.ALT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .noneMatch(e -> e.clusterId() == decided));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getSelectionModel().getSelectedIndex() == 0);
        assertThat(queue.getSelectionModel().getSelectedItem().clusterId()).isNotEqualTo(decided);

        // bulk: the band of certain clusters, the count before, the sample, one button, the outcome after
        int pendingBefore = model.signedIn().approval().pending().size();
        @SuppressWarnings("unchecked")
        ComboBox<Band> band = robot.lookup("#review-band").queryAs(ComboBox.class);
        robot.interact(() -> band.setValue(Band.HIGH));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#review-bulk").query().isDisabled());
        robot.clickOn("#review-bulk");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#bulk-count").tryQuery().isPresent()
                && robot.lookup("#bulk-count").queryAs(Label.class).getText().contains("werden vorgeschlagen"));
        // the sample sits in a scroll pane: found once the pane's skin holds it (the next pulse)
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#bulk-sample").tryQuery().isPresent());
        String count = robot.lookup("#bulk-count").queryAs(Label.class).getText();
        assertThat(count).matches("\\d+ Gruppen im Band 0,99–1,00 aus allen Quellen werden vorgeschlagen");
        int n = Integer.parseInt(count.substring(0, count.indexOf(' ')));
        assertThat(robot.lookup("#bulk-sample").tryQuery()).isPresent();
        robot.clickOn("#bulk-propose");
        Label result = robot.lookup("#bulk-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        assertThat(result.getText()).startsWith(n + " vorgeschlagen");
        assertThat(model.signedIn().approval().pending()).hasSize(pendingBefore + n);
        assertThat(UiTestSupport.read(model, AccessLog::all)).anySatisfy(e ->
                assertThat(e.action()).isEqualTo("BULK_SAMPLE"));
    }
}
