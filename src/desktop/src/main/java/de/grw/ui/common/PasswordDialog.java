package de.grw.ui.common;

import de.grw.api.SignedIn;
import java.util.Arrays;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Sets the signed-in user's own password: new and repeated, the rules in one line, and the engine's refusal (too
 * short, too simple, common, holding the account name) beside the field with ControlsFX's decoration. After a
 * sign-in with a one-time password it is asked at once ({@code required}); cancelling then means signing out, which
 * the caller does. The engine checks the password; the dialog only checks that both entries agree.
 */
public final class PasswordDialog {
    private final Dialog<char[]> dialog = new Dialog<>();
    private final PasswordField first = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Label message = new Label();
    private final StringProperty refusal = new SimpleStringProperty("");
    private final ValidationSupport validation = new ValidationSupport();
    private volatile boolean running;

    private PasswordDialog(Window owner, I18n t, SignedIn signedIn, boolean required) {
        dialog.initOwner(owner);
        dialog.setTitle(t.get("password.title"));
        dialog.setHeaderText(required ? t.get("password.required", signedIn.user())
                : t.get("password.voluntary", signedIn.user()));
        first.setId("password-new");
        repeat.setId("password-repeat");
        message.setId("password-message");
        message.setWrapText(true);
        message.getStyleClass().add("text-danger");
        message.setMaxWidth(460);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped in full, never cut off
        Label rules = new Label(t.get("password.rules"));
        rules.setId("password-rules");
        rules.setWrapText(true);
        rules.setMaxWidth(460);
        rules.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rules.getStyleClass().add("text-muted");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(t.get("password.new")), first);
        form.addRow(1, new Label(t.get("password.repeat")), repeat);
        dialog.getDialogPane().setContent(new VBox(10, rules, form, message));
        dialog.getDialogPane().setPrefWidth(520);
        ButtonType save = new ButtonType(t.get("password.save"), ButtonType.OK.getButtonData());
        ButtonType cancel = new ButtonType(required ? t.get("password.signOut") : t.get("action.cancel"),
                ButtonType.CANCEL.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("password-save");
        dialog.getDialogPane().lookupButton(cancel).setId("password-cancel");
        saveButton.disableProperty().bind(first.textProperty().isEmpty().or(repeat.textProperty().isEmpty()));
        validation.registerValidator(first, false, (Control c, String v) -> ValidationResult.fromMessageIf(c,
                refusal.get(), Severity.ERROR, !refusal.get().isEmpty()));
        validation.registerValidator(repeat, false, (Control c, String v) -> ValidationResult.fromMessageIf(c,
                t.get("password.mismatch"), Severity.ERROR, !repeat.getText().isEmpty()
                        && !repeat.getText().equals(first.getText())));
        first.textProperty().addListener((o, was, now) -> {
            refusal.set("");
            validation.revalidate();
        });
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit(t, signedIn);
        });
        dialog.setResultConverter(b -> null);
        Platform.runLater(first::requestFocus);
    }

    /**
     * Asks the signed-in user for a new password and sets it (modal; FX thread). A server ends the account's
     * sessions when its password changes: the caller signs in again with the password returned.
     *
     * @param required after a sign-in with a one-time password: the texts say so and cancelling reads "sign out"
     * @return the new password (the caller wipes it), or {@code null} when cancelled
     */
    public static char[] ask(Window owner, I18n t, SignedIn signedIn, boolean required) {
        return new PasswordDialog(owner, t, signedIn, required).dialog.showAndWait().orElse(null);
    }

    private void submit(I18n t, SignedIn signedIn) {
        if (running) {
            return;
        }
        if (!first.getText().equals(repeat.getText())) {
            message.setText(t.get("password.mismatch"));
            validation.revalidate();
            return;
        }
        char[] password = first.getText().toCharArray();
        String user = signedIn.user();
        running = true;
        message.setText("");
        dialog.getDialogPane().setDisable(true);
        Thread worker = new Thread(() -> {
            Throwable failure = null;
            try {
                signedIn.users().setPassword(user, password); // slow on purpose (hashing), or a server call away
            } catch (RuntimeException e) {
                failure = e;
            }
            Throwable f = failure;
            Platform.runLater(() -> done(t, f, password));
        }, "grw-password");
        worker.setDaemon(true);
        worker.start();
    }

    private void done(I18n t, Throwable failure, char[] password) {
        running = false;
        dialog.getDialogPane().setDisable(false);
        if (failure == null) {
            first.clear();
            repeat.clear();
            dialog.setResult(password);
            dialog.close();
            return;
        }
        Arrays.fill(password, '\0');
        String text = Errors.message(failure, t);
        refusal.set(text);
        message.setText(text);
        validation.revalidate();
        dialog.getDialogPane().getScene().getWindow().sizeToScene(); // room for the reason's lines
        first.requestFocus();
        first.selectAll();
    }
}
