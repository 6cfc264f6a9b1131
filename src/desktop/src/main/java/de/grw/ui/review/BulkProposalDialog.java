package de.grw.ui.review;

import de.grw.api.SignedIn;
import de.grw.review.BulkViews;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
 * The clerk's bulk proposal for the band and sources the queue is filtered by: first a random sample of the band's
 * clusters (chosen, shown and logged by the engine), the count of what will be proposed, then one button that
 * proposes a merge of each cluster as a decision of its own, and the outcome. The engine refuses a bulk proposal
 * whose sample was not shown to this clerk; the dialog only sends the sample it showed.
 */
public final class BulkProposalDialog {
    private final AppContext ctx;
    private final Band band;
    private final List<String> sources;
    private final String caseRef;
    private final ObjectProperty<BulkViews.Sample> sample = new SimpleObjectProperty<>();
    private final Dialog<ButtonType> dialog = new Dialog<>();

    BulkProposalDialog(AppContext ctx, Band band, List<String> sources, String caseRef) {
        this.ctx = ctx;
        this.band = band;
        this.sources = List.copyOf(sources);
        this.caseRef = caseRef;
    }

    /** Opens the dialog over the review screen; {@code after} runs when it closes (the queue reloads). */
    static void open(AppContext ctx, Window owner, Band band, List<String> sources, String caseRef, Runnable after) {
        BulkProposalDialog d = new BulkProposalDialog(ctx, band, sources, caseRef);
        d.build(owner);
        d.dialog.setOnHidden(e -> after.run());
        d.dialog.show();
        d.load();
    }

    /** "0,99–1,00". */
    static String bandText(Band band, I18n t) {
        return String.format(t.locale(), "%.2f\u2013%.2f", band.from, band.to);
    }

    private Label count;
    private Label note;
    private Label result;
    private VBox sampleBox;
    private Button proposeAll;
    private TextField comment;

    private void build(Window owner) {
        I18n t = ctx.i18n();
        dialog.initOwner(owner);
        dialog.setTitle(t.get("bulk.title"));
        dialog.setResizable(true);
        count = BulkSampleView.text("bulk-count");
        count.getStyleClass().add("title-4");
        count.setText(t.get("bulk.loading"));
        note = BulkSampleView.text("bulk-note");
        result = BulkSampleView.text("bulk-result");
        result.getStyleClass().add("text-bold");
        sampleBox = new VBox();
        VBox.setVgrow(sampleBox, Priority.ALWAYS);
        comment = new TextField();
        comment.setId("bulk-comment");
        comment.setPromptText(t.get("bulk.commentPrompt"));
        HBox.setHgrow(comment, Priority.ALWAYS);
        proposeAll = new Button(t.get("bulk.proposeAll", 0));
        proposeAll.setId("bulk-propose");
        proposeAll.getStyleClass().add("success");
        proposeAll.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        proposeAll.setDisable(true);
        proposeAll.setOnAction(e -> propose());
        HBox actions = new HBox(8, comment, proposeAll);
        VBox content = BulkSampleView.stack(count, note, sampleBox, actions, result);
        content.setPrefWidth(Math.min(720, owner == null ? 720 : owner.getWidth() - 80));
        content.setPrefHeight(Math.min(560, owner == null ? 560 : owner.getHeight() - 120));
        dialog.getDialogPane().setContent(content);
        // in the workbench's language, not the JVM's
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(t.get("bulk.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setId("bulk-dialog");
    }

    private void load() {
        I18n t = ctx.i18n();
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            return;
        }
        var review = signedIn.review();
        ctx.tasks().call(t.get("bulk.loading"), () -> review.sampleForBulk(sources, band.from, band.to, caseRef),
                shown -> {
                    sample.set(shown);
                    String from = sources.isEmpty() ? t.get("bulk.allSources") : String.join(", ", sources);
                    if (shown.batch().isEmpty()) {
                        count.setText(t.get("bulk.none", bandText(band, t), from));
                        return;
                    }
                    count.setText(t.get("bulk.count", shown.batch().size(), bandText(band, t), from));
                    note.setText(t.get("bulk.sampleNote", shown.sample().size()));
                    sampleBox.getChildren().setAll(BulkSampleView.sample(shown.sample(),
                            c -> BulkSampleView.clusterHeading(c, t)));
                    proposeAll.setText(t.get("bulk.proposeAll", shown.batch().size()));
                    proposeAll.setDisable(false);
                }, e -> count.setText(Errors.message(e, t)));
    }

    private void propose() {
        I18n t = ctx.i18n();
        BulkViews.Sample shown = sample.get();
        SignedIn signedIn = ctx.model().signedIn();
        if (shown == null || signedIn == null) {
            return;
        }
        proposeAll.setDisable(true);
        var review = signedIn.review();
        BulkViews.Proposal proposal = new BulkViews.Proposal(sources, band.from, band.to, shown.batch(),
                shown.sampleId(), shown.sampleIds(), comment.getText(), caseRef);
        ctx.tasks().call(t.get("bulk.title"), () -> review.proposeAll(proposal),
                done -> result.setText(BulkSampleView.result(done, t, "bulk.proposed", "bulk.skipped")),
                e -> {
                    result.setText(Errors.message(e, t));
                    proposeAll.setDisable(false);
                });
    }
}
