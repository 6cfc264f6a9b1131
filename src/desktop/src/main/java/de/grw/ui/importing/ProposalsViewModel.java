package de.grw.ui.importing;

import de.grw.api.ImportApi;
import de.grw.api.ProposalsImport;
import de.grw.api.SignedIn;
import de.grw.common.UserFacingException;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.I18n;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Importing a Spark job's proposal bundle (issue 17) from the import screen: the folder the job wrote, loaded through
 * the signed-in user's {@link ImportApi#proposals(Path, de.grw.common.ProgressListener,
 * de.grw.common.CancellationToken)} on the task runner, against a workspace file or a server alike. Every rule is the
 * engine's: the right to run a match, the bundle's checks (a broken bundle is refused with file, line and entry, and
 * that message is shown as it comes), the profile, the records. Afterwards the result says how many clusters entered
 * the review queue. Knows no controls, so it is tested without a robot as well.
 */
public final class ProposalsViewModel {
    private final AppContext ctx;
    private final BooleanProperty chosen = new SimpleBooleanProperty(false);
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty resultText = new SimpleStringProperty("");
    private final ObjectProperty<ProposalsImport> result = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** Whose result the screen shows. */
    private SignedIn shown;

    public ProposalsViewModel(AppContext ctx) {
        this.ctx = ctx;
    }

    private I18n t() {
        return ctx.i18n();
    }

    /**
     * Loads the bundle folder named in the path field in the background, with the progress in the status bar and a
     * cancellation that stores nothing; then the result, or the engine's message.
     */
    public void importBundle() {
        if (busy.get()) {
            return;
        }
        SignedIn signedIn = ctx.model().signedIn();
        if (signedIn == null) {
            message.set(t().get("import.signInFirst"));
            return;
        }
        String text = path.get() == null ? "" : path.get().strip();
        if (text.isEmpty()) {
            message.set(t().get("proposals.choose"));
            return;
        }
        Path bundle;
        try {
            bundle = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            message.set(t().get("proposals.choose"));
            return;
        }
        ImportApi imports = signedIn.imports();
        result.set(null);
        resultText.set("");
        message.set(t().get("proposals.importing", bundle));
        busy.set(true);
        ctx.tasks().run(t().get("proposals.task", name(bundle)),
                (progress, cancel) -> imports.proposals(bundle, progress, cancel), r -> {
                    busy.set(false);
                    imported(r);
                    message.set("");
                }, error -> {
                    busy.set(false);
                    message.set(Errors.message(error, t()));
                    if (!(error instanceof UserFacingException) && !(error.getCause() instanceof UserFacingException)) {
                        ctx.errors().accept(error);
                    }
                }, r -> {
                    busy.set(false);
                    if (r == null) {
                        message.set(t().get("import.cancelled"));
                    } else {
                        imported(r);
                        message.set(t().get("proposals.cancelTooLate"));
                    }
                });
    }

    private void imported(ProposalsImport r) {
        result.set(r);
        resultText.set(t().get("proposals.result", r.clusters(), r.newClusters(), r.unchanged(), r.superseded(),
                r.runId()));
    }

    private static String name(Path bundle) {
        return bundle.getFileName() == null ? bundle.toString() : bundle.getFileName().toString();
    }

    /** Called when the screen is shown: a new sign-in or workspace does not see the previous one's result. */
    public void refresh() {
        SignedIn now = ctx.model().signedIn();
        if (now != shown && !busy.get()) {
            shown = now;
            result.set(null);
            resultText.set("");
            message.set("");
        }
    }

    /** Stops the running import; the engine notices at its next check and stores nothing. */
    public void cancel() {
        if (busy.get()) {
            message.set(t().get("import.cancelling"));
            ctx.tasks().cancel();
        }
    }

    /** True while the import screen shows the bundle import instead of a source's. */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** The bundle folder. */
    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** What the import stored, in words; empty before. */
    public StringProperty resultTextProperty() {
        return resultText;
    }

    public ObjectProperty<ProposalsImport> resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
