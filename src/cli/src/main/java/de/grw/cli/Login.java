package de.grw.cli;

import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.store.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An opened workspace and the session of the user who logged in to it; closing it closes the workspace.
 *
 * @param workspace the open workspace
 * @param session   the logged-in user
 */
record Login(Workspace workspace, Session session) implements AutoCloseable {

    /** Opens the workspace, then logs the user in with the password from {@link Passwords#current}. */
    static Login open(CommandSpec spec, Path file, String user) {
        Workspace w = Workspace.open(file, Clock.systemUTC());
        try {
            char[] password = Passwords.current(spec, user);
            try {
                return new Login(w, new UserService(w).login(user, password));
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
        workspace.close();
    }
}
