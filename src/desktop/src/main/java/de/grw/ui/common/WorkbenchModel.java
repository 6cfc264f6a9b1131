package de.grw.ui.common;

import de.grw.review.ReviewService;
import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The open workspace and the signed-in user; the root of the desktop's state. */
public final class WorkbenchModel {
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private ReviewService review;

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public Session session() {
        return session.get();
    }

    /** Opens a workspace file (not yet signed in). */
    public void open(Path file) {
        close();
        workspace.set(Workspace.open(file, Clock.systemUTC()));
    }

    /** Uses an already opened workspace (e.g. one just created). */
    public void use(Workspace w) {
        close();
        workspace.set(w);
    }

    /** A checked sign-in, not yet in effect: the session and the review service of the workspace. */
    public record SignedIn(Workspace workspace, Session session, ReviewService review) {
    }

    /**
     * Checks a user's password against the open workspace and reads its profile: work for the background (the
     * password check is deliberately slow). {@link #enter} puts the result into effect on the FX thread.
     */
    public SignedIn authenticate(String user, char[] password) {
        Workspace w = workspace();
        Session s = new UserService(w).login(user, password);
        return new SignedIn(w, s, new ReviewService(w));
    }

    /** Puts a checked sign-in into effect (FX thread), unless the workspace was changed meanwhile. */
    public void enter(SignedIn signedIn) {
        if (signedIn.workspace() != workspace()) {
            throw new IllegalStateException("the workspace was changed during the sign-in");
        }
        review = signedIn.review();
        session.set(signedIn.session());
    }

    /** Signs in to the open workspace (both steps at once; for tests and tools). */
    public Session signIn(String user, char[] password) {
        SignedIn s = authenticate(user, password);
        enter(s);
        return s.session();
    }

    public void signOut() {
        session.set(null);
    }

    public ReviewService review() {
        return review;
    }

    public void close() {
        session.set(null);
        Workspace w = workspace.get();
        workspace.set(null);
        review = null;
        if (w != null) {
            w.close();
        }
    }

    /** True while a signed-in user holds the permission. */
    public BooleanBinding may(Permission permission) {
        return Bindings.createBooleanBinding(() -> session.get() != null && session.get().may(permission), session);
    }
}
