package de.grw.api;

/**
 * A connection to one workspace: a local workspace file ({@link de.grw.api.local.LocalWorkbench}) or, later, a
 * workspace server. Nothing of the workspace is reachable before {@link #signIn}; what a signed-in user may do is
 * decided behind this interface, never by the caller.
 */
public interface Workbench extends AutoCloseable {

    /** What the workspace is: kind, location, name, profile, whether it has accounts. Reads the workspace. */
    WorkbenchInfo info();

    /**
     * Signs a user in with their password. The password check is deliberately slow: call it off the FX thread.
     *
     * @return the signed-in user's access to the workspace; close it to sign out
     * @throws de.grw.rights.AccessDeniedException for an unknown user or a wrong password (the same message for
     *                                             both), or a disabled account
     */
    SignedIn signIn(String user, char[] password);

    /** Closes the connection; every {@link SignedIn} of it ends with it. */
    @Override
    void close();
}
