package de.grw.ui.approval;

import de.grw.api.SignedIn;
import de.grw.review.BulkViews;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import de.grw.ui.review.BulkSampleView;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A supervisor approves the pending merges listed as one batch after a random sample of them (chosen, shown and
 * logged by the engine; their own proposals left out): each merge is approved as a decision of its own, those the
 * supervisor proposed are refused (four eyes per decision), those decided meanwhile skipped; the outcome in words.
 */
final class BulkApprovalDialog {
    private final AppContext ctx;
    private final List<DecisionView> batch;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private BulkViews.Sample sample;
    private Label count;
    private Label note;
    private Label result;
    private VBox sampleBox;
    private Button approveAll;
    private TextField caseRef;
    private TextField comment;

    private BulkApprovalDialog(AppContext ctx, List<DecisionView> batch) {
        this.ctx = ctx;
        this.batch = List.copyOf(batch);
    }

    /** Opens the dialog for the pending merges listed; {@code after} runs when it closes (the list reloads). */
    static void open(AppContext ctx, Window owner, List<DecisionView> pending, Runnable after) {
        BulkApprovalDialog d = new BulkApprovalDialog(ctx, pending);
        d.build(owner);
        d.dialog.setOnHidden(e -> after.run());
        d.dialog.show();
    }

    private void build(Window owner) {
        I18n t = ctx.i18n();
        dialog.initOwner(owner);
        dialog.setTitle(t.get("approval.bulkTitle"));
        dialog.setResizable(true);
        count = text("approval-bulk-count");
        count.getStyleClass().add("title-4");
        count.setText(t.get("approval.bulkCount", batch.size()));
        note = text("approval-bulk-note");
        note.setText(t.get("approval.bulkCaseNote"));
        result = text("approval-bulk-result");
        result.getStyleClass().add("text-bold");
        sampleBox = new VBox();
        VBox.setVgrow(sampleBox, Priority.ALWAYS);
        caseRef = new TextField(commonCaseRef());
        caseRef.setId("approval-bulk-case");
        caseRef.setPromptText(t.get("review.casePrompt"));
        Button show = new Button(t.get("approval.bulkShowSample"));
        show.setId("approval-bulk-sample");
        show.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        show.setOnAction(e -> load(show));
        Label caseLabel = new Label(t.get("review.case"));
        caseLabel.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        HBox.setHgrow(caseRef, Priority.ALWAYS);
        HBox first = new HBox(8, caseLabel, caseRef, show);
        comment = new TextField();
        comment.setId("approval-bulk-comment");
        comment.setPromptText(t.get("approval.commentPrompt"));
        HBox.setHgrow(comment, Priority.ALWAYS);
        approveAll = new Button(t.get("approval.bulkApproveAll", 0));
        approveAll.setId("approval-bulk-approve");
        approveAll.getStyleClass().add("success");
        approveAll.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        approveAll.setDisable(true);
        approveAll.setOnAction(e -> approve());
        VBox content = new VBox(8, count, first, note, sampleBox, new HBox(8, comment, approveAll), result);
        content.setPadding(new Insets(8));
        content.setPrefWidth(Math.min(720, owner == null ? 720 : owner.getWidth() - 80));
        content.setPrefHeight(Math.min(560, owner == null ? 560 : owner.getHeight() - 120));
        dialog.getDialogPane().setContent(content);
        // in the workbench's language, not the JVM's
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(t.get("bulk.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("approval-bulk-dialog");
    }

    /** The case reference the batch's proposals share, or empty. */
    private String commonCaseRef() {
        List<String> refs = batch.stream().map(DecisionView::caseRef).filter(r -> r != null && !r.isBlank())
                .distinct().toList();
        return refs.size() == 1 ? refs.get(0) : "";
    }

    private void load(Button show) {
        I18n t = ctx.i18n();
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        show.setDisable(true);
        var approval = signedIn.approval();
        List<Long> ids = batch.stream().map(DecisionView::id).toList();
        String reference = caseRef.getText();
        ctx.tasks().call(t.get("approval.bulkTitle"), () -> approval.sampleForApproval(ids, reference), shown -> {
            sample = shown;
            int eligible = shown.batch().size() - shown.skipped().size();
            count.setText(t.get("approval.bulkCount", eligible) + (shown.skipped().isEmpty() ? ""
                    : " " + t.get("approval.bulkOwn", shown.skipped().size())));
            note.setText(t.get("approval.bulkSampleNote", shown.sample().size()));
            sampleBox.getChildren().setAll(BulkSampleView.sample(shown.sample(),
                    c -> t.get("approval.bulkSampleCluster", String.valueOf(c.decisionId()),
                            BulkSampleView.clusterHeading(c, t), c.proposedBy())));
            approveAll.setText(t.get("approval.bulkApproveAll", eligible));
            approveAll.setDisable(eligible == 0);
        }, e -> {
            note.setText(Errors.message(e, t));
            show.setDisable(false);
        });
    }

    private void approve() {
        I18n t = ctx.i18n();
        SignedIn signedIn = ctx.model().signedIn();
        if (sample == null || signedIn == null) {
            return;
        }
        approveAll.setDisable(true);
        var approval = signedIn.approval();
        BulkViews.Approval command = new BulkViews.Approval(sample.batch(), sample.sampleId(), sample.sampleIds(),
                comment.getText());
        ctx.tasks().call(t.get("approval.bulkTitle"), () -> approval.approveAll(command),
                done -> result.setText(BulkSampleView.result(done, t, "approval.bulkApproved", "approval.bulkRefused")),
                e -> {
                    result.setText(Errors.message(e, t));
                    approveAll.setDisable(false);
                });
    }

    private static Label text(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
