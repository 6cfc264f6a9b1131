package de.grw.ui.approval;

import de.grw.review.MemberRecord;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.I18n;
import de.grw.ui.common.ViewModelScreen;
import de.grw.ui.common.TextDiff;
import de.grw.ui.review.FieldRow;
import de.grw.rights.Permission;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Pending merges for supervisors: the proposer, the clerk's comment, the comparison; approve or reject. */
public final class ApprovalScreen extends ViewModelScreen<ApprovalViewModel> {
    private final ScrollPane comparison = new ScrollPane();
    private final Label details = new Label();

    public ApprovalScreen(AppContext ctx) {
        super(ctx, new ApprovalViewModel(ctx), "nav.approval", Permission.APPROVE);
    }

    @Override
    public void activated() {
        vm.refresh();
        redraw();
    }

    @Override
    protected BorderPane build() {
        I18n t = ctx.i18n();
        ListView<DecisionView> list = new ListView<>(vm.pending());
        list.setId("approval-list");
        list.setPrefWidth(260);
        list.setCellFactory(l -> new ListCell<>() {
            // the entry wraps within the list (as the review's queue rows do) instead of running out of it
            private final javafx.scene.control.Label entry = new javafx.scene.control.Label();
            // in a box that asks the entry for its height at its width: the cell grows by the wrapped lines
            private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(entry);

            {
                entry.setId("approval-entry");
                entry.setWrapText(true);
                entry.prefWidthProperty().bind(list.widthProperty().subtract(30));
                entry.maxWidthProperty().bind(entry.prefWidthProperty());
                entry.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                setText(null);
            }

            @Override
            protected void updateItem(DecisionView d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                entry.setText(t.get("approval.entry", d.id(), d.clusterId(), d.proposedBy(),
                        d.proposedAt().substring(0, Math.min(16, d.proposedAt().length())).replace('T', ' ')));
                setGraphic(box);
                setAccessibleText(entry.getText());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && (vm.selectedProperty().get() == null || vm.selectedProperty().get().id() != now.id())) {
                vm.select(now);
                redraw();
            }
        });
        TextField comment = new TextField();
        comment.setId("approval-comment");
        comment.setPromptText(t.get("approval.commentPrompt"));
        comment.textProperty().bindBidirectional(vm.commentProperty());
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button approve = new Button(t.get("approval.approve"));
        approve.setId("approval-approve");
        approve.getStyleClass().add("success");
        approve.setOnAction(e -> {
            vm.approve();
            redraw();
        });
        Button reject = new Button(t.get("approval.reject"));
        reject.setId("approval-reject");
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> {
            vm.reject();
            redraw();
        });
        Label message = new Label();
        message.setId("approval-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        details.setId("approval-details");
        details.setWrapText(true);
        approve.disableProperty().bind(vm.busyProperty());
        reject.disableProperty().bind(vm.busyProperty());
        // the merge arrives from the background: draw it when it is there
        vm.tableProperty().addListener((o, was, now) -> redraw());
        vm.selectedProperty().addListener((o, was, now) -> redraw());
        // the listed merges as one batch, after a random sample of them (four eyes per decision)
        Button bulk = new Button(t.get("approval.bulkButton"));
        bulk.setId("approval-bulk");
        bulk.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        bulk.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.pending())));
        bulk.setOnAction(e -> BulkApprovalDialog.open(ctx, bulk.getScene().getWindow(), List.copyOf(vm.pending()),
                () -> {
                    vm.refresh();
                    redraw();
                }));
        HBox actions = new HBox(8, comment, approve, reject, bulk);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label(t.get("approval.heading"));
        heading.getStyleClass().add("title-3");
        BorderPane root = new BorderPane();
        root.setTop(new VBox(6, heading, details));
        root.setLeft(list);
        root.setCenter(comparison);
        root.setBottom(new VBox(6, actions, message));
        BorderPane.setMargin(list, new Insets(8, 8, 8, 0));
        BorderPane.setMargin(comparison, new Insets(8, 0, 8, 0));
        return root;
    }

    private void redraw() {
        I18n t = ctx.i18n();
        DecisionView d = vm.selectedProperty().get();
        details.setText(d == null ? t.get("approval.none") : t.get("approval.details", d.id(), d.proposedBy(),
                d.caseRef(), d.comment().isBlank() ? "—" : d.comment()));
        var table = vm.tableProperty().get();
        if (d == null || table == null) {
            comparison.setContent(new Label(""));
            return;
        }
        List<MemberRecord> members = table.members();
        GridPane grid = new GridPane();
        grid.setId("approval-comparison");
        grid.getStyleClass().add("side-by-side");
        grid.setHgap(1);
        grid.setVgap(1);
        grid.add(cell(new Label(t.get("review.field")), "column-header"), 0, 0);
        for (int i = 0; i < members.size(); i++) {
            MemberRecord m = members.get(i);
            grid.add(cell(new Label(m.source() + "\n" + m.recordKey()), "column-header"), 1 + i, 0);
        }
        grid.add(cell(new Label(t.get("approval.golden")), "column-header"), 1 + members.size(), 0);
        int row = 1;
        for (FieldRow r : vm.rows()) {
            Label label = new Label(r.label());
            if (r.equalAfterNormalising()) {
                label.setTooltip(new javafx.scene.control.Tooltip(t.get("review.equalAfterNormalising")));
            }
            grid.add(cell(label, r.labelStyle()), 0, row);
            for (int i = 0; i < r.values().size(); i++) {
                TextFlow flow = new TextFlow();
                for (TextDiff.Segment s : TextDiff.segments(r.golden(), r.values().get(i))) {
                    Text text = new Text(s.text());
                    text.getStyleClass().add(s.same() ? "same-text" : r.differs() ? "diff-text" : "diff-text-muted");
                    flow.getChildren().add(text);
                }
                grid.add(cell(flow, r.originColumn() == i ? "cell-chosen" : "cell"), 1 + i, row);
            }
            Label golden = new Label(r.golden() == null ? "" : r.golden() + (r.manual() ? " ✎" : ""));
            golden.setId("approval-golden-" + r.field());
            grid.add(cell(golden, r.manual() ? "golden-manual" : "cell"), 1 + r.values().size(), row);
            row++;
        }
        comparison.setContent(grid);
    }

    private static Node cell(Node content, String style) {
        VBox box = new VBox(content);
        box.getStyleClass().add(style);
        box.setPadding(new Insets(4));
        box.setMinWidth(120);
        return box;
    }
}
