package de.grw.cli;

import de.grw.api.SignedIn;
import de.grw.api.Workbench;
import de.grw.api.local.LocalWorkbench;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An opened workspace and the user signed in to it; closing it signs out and closes the workspace.
 *
 * @param file      the workspace file as given
 * @param workbench the open workspace
 * @param signedIn  the signed-in user's access to it
 */
record Login(Path file, Workbench workbench, SignedIn signedIn) implements AutoCloseable {

    /** Opens the workspace, then signs the user in with the password from {@link Passwords#current}. */
    static Login open(CommandSpec spec, Path file, String user) {
        Workbench w = LocalWorkbench.open(file);
        try {
            char[] password = Passwords.current(spec, user);
            try {
                return new Login(file, w, w.signIn(user, password));
            } finally {
                Passwords.wipe(password);
            }
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            signedIn.close();
        } finally {
            workbench.close();
        }
    }
}
