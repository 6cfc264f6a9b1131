package de.grw.ui.common;

import de.grw.common.UserFacingException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a failure as a readable message. An unexpected failure is written to the log with a reference that the
 * dialog shows, so support can find it; the user never sees a stack trace.
 */
public final class ErrorDialog {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialog.class);

    private ErrorDialog() {
    }

    /** Logs an unexpected failure and returns its reference (e.g. {@code GRW-20261127-1530-4821}). */
    public static String log(Throwable error) {
        String reference = "GRW-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + "-"
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        LOG.error("unexpected error, reference {}", reference, error);
        return reference;
    }

    public static void show(Window owner, I18n i18n, Throwable error) {
        String text;
        if (error instanceof UserFacingException || error.getCause() instanceof UserFacingException) {
            text = Errors.message(error, i18n);
        } else {
            text = i18n.get("error.withReference", Errors.message(error, i18n), log(error));
        }
        TaskRunner.fx(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, text);
            alert.setHeaderText(i18n.get("error.title"));
            if (owner != null && owner.isShowing()) {
                alert.initOwner(owner);
            }
            alert.show();
        });
    }
}
