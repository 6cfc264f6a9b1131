package de.grw.ui.common;

import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.WorkbenchInfo;
import de.grw.rights.Permission;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The open workbench (a connection to a workspace) and the signed-in user; the root of the desktop's state. Every
 * screen reaches the workspace through {@link #signedIn()}, the one set of service interfaces.
 */
public final class WorkbenchModel {
    private final ObjectProperty<Workbench> workbench = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkbenchInfo> info = new SimpleObjectProperty<>();
    private final ObjectProperty<SignedIn> signedIn = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty ended = new javafx.beans.property.SimpleStringProperty("");
    private java.util.concurrent.Executor closer = Runnable::run;
    private final java.util.List<java.util.function.Consumer<SignedIn>> beforeSignOut =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the signed-in user works on, kept when the window is rebuilt (another language), cleared at sign-out. */
    private final javafx.beans.property.StringProperty caseRef = new javafx.beans.property.SimpleStringProperty("");
    private final ObjectProperty<Long> openCluster = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty screen = new javafx.beans.property.SimpleStringProperty();

    /**
     * Work to do with a session just before it ends (sign-out, another sign-in, the window closing): runs where
     * signing out runs ({@link #closeWith}), before the session is closed; a failure is logged and ends nothing.
     * The review releases its claim on the open cluster here.
     */
    public void beforeSignOut(java.util.function.Consumer<SignedIn> work) {
        beforeSignOut.add(work);
    }

    /**
     * Where signing out and closing run: the background executor in the application, since signing out of a
     * server is a request (the screens see nobody signed in at once; the request follows). The calling thread by
     * default (tests, tools, the application's end).
     */
    public void closeWith(java.util.concurrent.Executor executor) {
        this.closer = executor;
    }

    /** Why the last session ended without the user signing out (for the start screen), or empty. */
    public javafx.beans.property.StringProperty endedProperty() {
        return ended;
    }

    /** The server ended the session (timeout, account changed or disabled): back to the sign-in, with the reason. */
    public void sessionEnded(String reason) {
        if (signedIn.get() != null) {
            signOut();
            ended.set(reason);
        }
    }

    /** The open workbench, or null. */
    public ObjectProperty<Workbench> workbenchProperty() {
        return workbench;
    }

    /** What the open workspace is (fetched when it was opened), or null. */
    public ObjectProperty<WorkbenchInfo> infoProperty() {
        return info;
    }

    /** The signed-in user's access, or null. */
    public ObjectProperty<SignedIn> signedInProperty() {
        return signedIn;
    }

    public Workbench workbench() {
        return workbench.get();
    }

    public WorkbenchInfo info() {
        return info.get();
    }

    public SignedIn signedIn() {
        return signedIn.get();
    }

    /** An opened workbench and what it is: work for the background ({@link #opened}). */
    public record Opened(Workbench workbench, WorkbenchInfo info) {
        /** Fetches what the workbench is (reads the workspace). */
        public static Opened of(Workbench workbench) {
            try {
                return new Opened(workbench, workbench.info());
            } catch (RuntimeException e) {
                workbench.close();
                throw e;
            }
        }
    }

    /** Uses an opened workbench (FX thread), closing the one before; nobody is signed in. */
    public void use(Opened opened) {
        close();
        info.set(opened.info());
        workbench.set(opened.workbench());
    }

    /** Uses a workbench, fetching what it is here (for tests and tools). */
    public void use(Workbench w) {
        use(Opened.of(w));
    }

    /**
     * A checked sign-in, not yet in effect, with what the workspace is as the signed-in user sees it and whether the
     * user's password is a one-time password they must replace before working.
     */
    public record Authenticated(Workbench workbench, SignedIn signedIn, WorkbenchInfo info,
                                boolean mustChangePassword) {
    }

    /**
     * Checks a user's password against the open workbench and fetches what the screens need: work for the
     * background (the password check is deliberately slow, and a server is a network call away). {@link #enter}
     * puts the result into effect on the FX thread.
     * <p>
     * The screens read the profile, the governance settings and the comparisons on the FX thread, which the
     * interfaces promise without I/O after the sign-in; they are asked for once here, in the background, so that
     * the promise holds whatever the implementation (the remote one fetches them at their first use). A server
     * tells the workspace's name only to a signed-in user: what the workspace is is fetched again.
     */
    public Authenticated authenticate(String user, char[] password) {
        Workbench w = workbench();
        SignedIn s = w.signIn(user, password);
        try {
            s.governance().profile();
            s.governance().settings();
            s.review().comparisons();
            return new Authenticated(w, s, w.info(), s.users().mustChangeOwnPassword());
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Puts a checked sign-in into effect (FX thread), unless the workbench was changed meanwhile. */
    public void enter(Authenticated authenticated) {
        if (authenticated.workbench() != workbench()) {
            authenticated.signedIn().close();
            throw new IllegalStateException("the workspace was changed during the sign-in");
        }
        signOut();
        ended.set("");
        info.set(authenticated.info());
        signedIn.set(authenticated.signedIn());
    }

    /** Signs in to the open workbench (both steps at once; for tests and tools). */
    public SignedIn signIn(String user, char[] password) {
        Authenticated a = authenticate(user, password);
        enter(a);
        return a.signedIn();
    }

    /**
     * The case reference (Aktenzeichen) the signed-in user works under; kept when the window is rebuilt for another
     * language, emptied when the user signs out: the next user starts without it.
     */
    public javafx.beans.property.StringProperty caseRefProperty() {
        return caseRef;
    }

    /** The cluster the signed-in user has open in the review, or null; emptied at sign-out. */
    public ObjectProperty<Long> openClusterProperty() {
        return openCluster;
    }

    /** The screen (its title key) the signed-in user is on, or null; emptied at sign-out. */
    public javafx.beans.property.StringProperty screenProperty() {
        return screen;
    }

    /** Signs out: what the user worked on is forgotten and the screens see nobody signed in, then the access ends. */
    public void signOut() {
        SignedIn s = signedIn.get();
        caseRef.set("");
        openCluster.set(null);
        screen.set(null);
        signedIn.set(null);
        if (s != null) {
            closer.execute(() -> {
                for (java.util.function.Consumer<SignedIn> work : beforeSignOut) {
                    try {
                        work.accept(s);
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(WorkbenchModel.class).warn("before signing out: {}",
                                e.toString());
                    }
                }
                s.close();
            });
        }
    }

    public void close() {
        signOut();
        Workbench w = workbench.get();
        workbench.set(null);
        info.set(null);
        if (w != null) {
            closer.execute(w::close);
        }
    }

    /** True while a signed-in user holds the permission. */
    public BooleanBinding may(Permission permission) {
        return Bindings.createBooleanBinding(() -> signedIn.get() != null && signedIn.get().may(permission),
                signedIn);
    }
}
