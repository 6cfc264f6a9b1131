package de.grw.ui.start;

import de.grw.api.local.LocalWorkbench;
import de.grw.api.local.SampleWorkbench;
import de.grw.ui.common.AppContext;
import de.grw.ui.common.Errors;
import de.grw.ui.common.PasswordDialog;
import de.grw.ui.common.WorkbenchModel.Opened;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Choosing a workspace (sample, new, open, recent) and signing in. Holds state; knows no controls. */
public final class StartViewModel {
    private final AppContext ctx;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty sample = new SimpleBooleanProperty(false);
    private final ConnectViewModel connect;

    public StartViewModel(AppContext ctx) {
        this.ctx = ctx;
        recent.setAll(ctx.settings().recentWorkspaces);
        user.set(ctx.settings().lastUser);
        ctx.model().endedProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                message.set(now);
            }
        });
        connect = new ConnectViewModel(ctx, url -> {
            sample.set(false);
            message.set(ctx.i18n().get("start.connected", url));
        });
    }

    /** Connecting to a workspace server. */
    public ConnectViewModel connect() {
        return connect;
    }

    public static Path samplePath() {
        return de.grw.ui.common.UserSettings.home().resolve("beispiel-arbeitsbereich.grw");
    }

    /** Opens the sample workspace, building it first if it does not exist yet (in the background). */
    public void openSample(Runnable done) {
        Path file = samplePath();
        if (Files.exists(file)) {
            openFile(file, () -> {
                sample.set(true);
                user.set(SampleWorkbench.CLERK);
                done.run();
            });
            return;
        }
        message.set(ctx.i18n().get("start.building"));
        ctx.tasks().run(ctx.i18n().get("start.sample"),
                (progress, cancel) -> Opened.of(SampleWorkbench.build(file, progress, cancel)), w -> {
                    ctx.model().use(w);
                    remember(file);
                    sample.set(true);
                    user.set(SampleWorkbench.CLERK);
                    message.set(ctx.i18n().get("start.opened", file.getFileName()));
                    done.run();
                }, error -> message.set(Errors.message(error, ctx.i18n())));
    }

    /** Opens an existing workspace file (in the background: opening may migrate its schema). */
    public void openFile(Path file) {
        openFile(file, () -> { });
    }

    private void openFile(Path file, Runnable done) {
        ctx.tasks().call(ctx.i18n().get("start.open"), () -> Opened.of(LocalWorkbench.open(file)), w -> {
            ctx.model().use(w);
            remember(file);
            sample.set(file.toAbsolutePath().equals(samplePath().toAbsolutePath()));
            message.set(ctx.i18n().get("start.opened", file.getFileName()));
            done.run();
        }, e -> message.set(Errors.message(e, ctx.i18n())));
    }

    /** Creates a new workspace with its first administrator (in the background). */
    public void create(Path file, String admin, char[] password) {
        ctx.tasks().call(ctx.i18n().get("start.create"), () -> {
            try {
                return Opened.of(LocalWorkbench.create(file, "person-de", admin, password));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }, w -> {
            ctx.model().use(w);
            remember(file);
            sample.set(false);
            user.set(admin);
            message.set(ctx.i18n().get("start.created", file.getFileName()));
        }, e -> message.set(Errors.message(e, ctx.i18n())));
    }

    /**
     * Signs in, checking the password in the background; {@code onSuccess} runs on the FX thread once the user is
     * signed in (the caller navigates on).
     */
    public void signIn(char[] password, Runnable onSuccess) {
        signIn(password, null, onSuccess);
    }

    /**
     * Signs in as {@link #signIn(char[], Runnable)}; an account with a one-time password is asked for its own at
     * once ({@link PasswordDialog}, over {@code owner}) and enters only once it is set: cancelling signs out.
     */
    public void signIn(char[] password, javafx.stage.Window owner, Runnable onSuccess) {
        if (ctx.model().workbench() == null) {
            message.set(ctx.i18n().get("start.noWorkspace"));
            java.util.Arrays.fill(password, '\0');
            return;
        }
        String name = user.get().trim();
        var model = ctx.model();
        ctx.tasks().call(ctx.i18n().get("start.signIn"), () -> {
            try {
                return model.authenticate(name, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }, signedIn -> {
            if (signedIn.mustChangePassword()) {
                char[] own = PasswordDialog.ask(owner, ctx.i18n(), signedIn.signedIn(), true);
                signedIn.signedIn().close(); // a server ends the sessions of an account whose password changed
                if (own == null) {
                    message.set(ctx.i18n().get("password.notChanged"));
                } else {
                    signIn(own, owner, onSuccess); // with the own password, which is not a one-time one
                }
                return;
            }
            try {
                model.enter(signedIn);
            } catch (IllegalStateException changed) {
                message.set(ctx.i18n().get("start.noWorkspace"));
                return;
            }
            ctx.settings().lastUser = name;
            ctx.settings().save();
            message.set("");
            onSuccess.run();
        }, e -> message.set(Errors.message(e, ctx.i18n())));
    }

    private void remember(Path file) {
        ctx.settings().remember(file);
        ctx.settings().lastWasServer = false;
        if (file.getParent() != null) {
            ctx.settings().lastDirectory = file.toAbsolutePath().getParent().toString();
        }
        ctx.settings().save();
        recent.setAll(ctx.settings().recentWorkspaces);
        path.set(file.toAbsolutePath().toString());
    }

    public ObservableList<String> recent() {
        return recent;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty sampleProperty() {
        return sample;
    }
}
