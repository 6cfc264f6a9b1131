package de.grw.ui.start;

import de.grw.ui.common.I18n;
import de.grw.ui.common.Validation;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The start screen's "connect to a server" pane: address and certificate fingerprint (the address checked as it is
 * typed), the confirmation of a first connection's fingerprint, the warning for a refused certificate, and the
 * recent servers.
 */
final class ServerPane {
    private ServerPane() {
    }

    static Node build(ConnectViewModel vm, I18n t) {
        Label intro = new Label(t.get("connect.intro"));
        intro.setWrapText(true);
        // while a fingerprint waits for its confirmation or a warning is shown, they take the room (1024 x 700)
        intro.visibleProperty().bind(vm.pendingProperty().isNull().and(vm.warningProperty().isEmpty()));
        intro.managedProperty().bind(intro.visibleProperty());

        TextField url = new TextField();
        url.setId("connect-url");
        url.setPromptText(t.get("connect.urlPrompt"));
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField fingerprint = new TextField();
        fingerprint.setId("connect-fingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        fingerprint.setPromptText(t.get("connect.fingerprintPrompt"));
        de.grw.ui.common.Fit.prompt(fingerprint);
        fingerprint.textProperty().bindBidirectional(vm.fingerprintProperty());
        fingerprint.editableProperty().bind(vm.pinnedProperty().not());
        // the whole fingerprint, pair by pair, where the field is too narrow for it
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.getStyleClass().add("fingerprint");
        whole.textProperty().bind(Bindings.createStringBinding(() -> {
            String typed = ServerCertificates.normalise(vm.fingerprintProperty().get());
            return typed == null ? t.get("connect.fingerprintPrompt") : ServerCertificates.lines(typed);
        }, vm.fingerprintProperty()));
        fingerprint.setTooltip(whole);
        // a pinned fingerprint is read, not typed: shown whole, pair by pair in lines of eight as the confirmation
        // shows it (a field 280 px wide at 1024x700 showed a third of it)
        Label pinned = new Label();
        pinned.setId("connect-pinned-fingerprint");
        pinned.getStyleClass().add("fingerprint");
        pinned.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pinned.textProperty().bind(Bindings.createStringBinding(() -> {
            String known = ServerCertificates.normalise(vm.fingerprintProperty().get());
            return known == null ? vm.fingerprintProperty().get() : ServerCertificates.lines(known);
        }, vm.fingerprintProperty()));
        pinned.visibleProperty().bind(vm.pinnedProperty());
        pinned.managedProperty().bind(pinned.visibleProperty());
        fingerprint.visibleProperty().bind(vm.pinnedProperty().not());
        fingerprint.managedProperty().bind(fingerprint.visibleProperty());
        Label pinnedNote = new Label(t.get("connect.pinnedNote"));
        pinnedNote.setId("connect-pinned-note");
        pinnedNote.setWrapText(true);
        pinnedNote.getStyleClass().add("text-muted");
        pinnedNote.visibleProperty().bind(vm.pinnedProperty());
        pinnedNote.managedProperty().bind(pinnedNote.visibleProperty());
        new Validation()
                .rule(url, text -> text == null || text.isBlank() || ConnectViewModel.validAddress(text),
                        t.get("connect.badUrl"))
                .rule(fingerprint, ConnectViewModel::validFingerprint, t.get("connect.badFingerprint"));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        Label urlLabel = new Label(t.get("connect.url"));
        Label fingerprintLabel = new Label(t.get("connect.fingerprint"));
        // the labels keep their width; the wrapping note under the fields gives way
        urlLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fingerprintLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(0, urlLabel, url);
        VBox fingerprintBox = new VBox(fingerprint, pinned);
        GridPane.setValignment(fingerprintLabel, javafx.geometry.VPos.BASELINE);
        GridPane.setValignment(fingerprintBox, javafx.geometry.VPos.BASELINE);
        grid.addRow(1, fingerprintLabel, fingerprintBox);
        grid.add(pinnedNote, 1, 2);

        Button connect = new Button(t.get("connect.button"));
        connect.setId("connect-button");
        connect.getStyleClass().add("accent");
        connect.disableProperty().bind(vm.busyProperty().or(vm.urlProperty().isEmpty()));
        connect.setOnAction(e -> vm.connect());
        url.setOnAction(e -> vm.connect());
        Button forget = new Button(t.get("connect.forget"));
        forget.setId("connect-forget");
        forget.visibleProperty().bind(vm.pinnedProperty());
        forget.managedProperty().bind(forget.visibleProperty());
        forget.setOnAction(e -> {
            String server = ServerAddress.parse(vm.urlProperty().get()).map(ServerAddress::url).orElse(null);
            if (server == null) {
                return;
            }
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, t.get("connect.forgetQuestion", server),
                    ButtonType.OK, ButtonType.CANCEL);
            ask.setHeaderText(t.get("connect.forget"));
            if (forget.getScene() != null) {
                ask.initOwner(forget.getScene().getWindow());
            }
            ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> vm.forget(server));
        });

        Node confirmation = confirmation(vm, t);
        Label warning = new Label();
        warning.setId("connect-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("connect-warning");
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        ListView<String> recent = new ListView<>(vm.recent());
        recent.setId("connect-recent");
        recent.setPrefHeight(120);
        recent.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.urlProperty().set(now);
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                vm.connect();
            }
        });
        recent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recent.getSelectionModel().getSelectedItem() != null) {
                vm.connect();
            }
        });
        Label recentLabel = new Label(t.get("connect.recent"));
        VBox recentBox = new VBox(6, recentLabel, recent);
        recentBox.visibleProperty().bind(vm.pendingProperty().isNull().and(Bindings.isNotEmpty(vm.recent())));
        recentBox.managedProperty().bind(recentBox.visibleProperty());

        VBox box = new VBox(10, intro, grid, new HBox(8, connect, forget), confirmation, warning, message,
                recentBox);
        box.setPadding(new Insets(10, 4, 4, 4));
        return box;
    }

    /** The first connection's fingerprint, to be compared with the administrator's and confirmed. */
    private static Node confirmation(ConnectViewModel vm, I18n t) {
        Label heading = new Label(t.get("connect.confirmHeading"));
        heading.getStyleClass().add("title-4");
        Label first = new Label();
        first.setWrapText(true);
        first.textProperty().bind(Bindings.createStringBinding(() -> vm.pendingProperty().get() == null ? ""
                : t.get("connect.firstTime", vm.pendingProperty().get().address().url()), vm.pendingProperty()));
        Label shown = new Label();
        shown.setId("connect-shown-fingerprint");
        shown.getStyleClass().add("fingerprint");
        shown.textProperty().bind(Bindings.createStringBinding(() -> vm.pendingProperty().get() == null ? ""
                : ServerCertificates.lines(vm.pendingProperty().get().fingerprint()), vm.pendingProperty()));
        Label compare = new Label(t.get("connect.compareHint"));
        compare.setWrapText(true);
        Button yes = new Button(t.get("connect.confirm"));
        yes.setId("connect-confirm");
        yes.getStyleClass().add("accent");
        yes.setOnAction(e -> vm.confirm());
        Button no = new Button(t.get("connect.reject"));
        no.setId("connect-reject");
        no.setOnAction(e -> vm.reject());
        HBox buttons = new HBox(8, yes, no);
        VBox box = new VBox(8, heading, first, shown, compare, buttons);
        box.setId("connect-confirmation");
        box.getStyleClass().add("connect-confirmation");
        box.setPadding(new Insets(10));
        box.visibleProperty().bind(vm.pendingProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
