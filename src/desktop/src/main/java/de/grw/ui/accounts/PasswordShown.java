package de.grw.ui.accounts;

import de.grw.ui.common.I18n;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows a one-time password once, in a read-only field to select and copy (Ctrl+C), with what its holder must do.
 * Nothing keeps it: the dialog's field is cleared when it closes, and the view model wipes its copy.
 */
final class PasswordShown {
    private PasswordShown() {
    }

    static void show(Window owner, I18n t, String account, char[] password) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(t.get("accounts.passwordTitle"));
        dialog.setHeaderText(t.get("accounts.passwordHeader", account));
        TextField field = new TextField(new String(password));
        field.setId("accounts-one-time-password");
        field.setEditable(false);
        field.setPrefColumnCount(password.length + 2);
        field.setMinWidth(Control.USE_PREF_SIZE);
        field.setStyle("-fx-font-family: monospace; -fx-font-size: 1.3em;");
        Label note = new Label(t.get("accounts.passwordNote"));
        note.setId("accounts-password-note");
        note.setWrapText(true);
        note.setMaxWidth(460);
        note.setMinHeight(Control.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(new VBox(10, field, note));
        dialog.getDialogPane().setId("accounts-password-dialog");
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(t.get("accounts.passwordClose"),
                ButtonType.OK.getButtonData()));
        dialog.setOnHidden(e -> field.clear());
        dialog.show();
        Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        });
    }
}
