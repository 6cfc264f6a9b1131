/**
 * The one set of service interfaces every front end uses: the desktop, the command line and (next) a workspace
 * server's clients. A {@link de.grw.api.Workbench} is a connection to one workspace, a local file
 * ({@link de.grw.api.local.LocalWorkbench}) or a server ({@code de.grw.api.remote}, next step); signing in yields a
 * {@link de.grw.api.SignedIn}, which holds the user's session and hands out the feature interfaces: review,
 * approval, imports, matching, journal, access log, export, users, governance.
 *
 * <h2>Rules of the interfaces</h2>
 * <ul>
 * <li>No method takes a user name to act as, a session or a database connection. What a call does is done, checked
 * and logged as the signed-in user; rights, four eyes, masking, case references and the access log are the engine
 * services' own rules, applied behind the interface (on a server: where no client can reach).</li>
 * <li>Methods take and return immutable values, records of this package and of the engine (listed in the
 * architecture test), that travel as JSON unchanged ({@link de.grw.api.ApiJson}); a test round-trips every one of
 * them. Files travel as their name and bytes ({@link de.grw.api.Upload}); an export returns what it wrote.
 * Progress listeners and cancellation tokens stay in the caller's process.</li>
 * <li>Every method reads or writes the workspace, except where its documentation says "no I/O" (the signed-in
 * user's name, role and permissions, the profile and settings fetched at sign-in, the side-by-side comparisons):
 * front ends call the others off the FX thread.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * A method fails only with these exceptions, which a remote client reproduces from the server's answer
 * ({@link de.grw.api.Failure}): the same class, and the same keyed {@link de.grw.common.Text} (key and arguments) so
 * that the message shows in the user's language.
 * <ul>
 * <li>{@link de.grw.rights.AccessDeniedException}: the user's role may not do it, the four-eyes principle forbids
 * it, a wrong sign-in (one message for an unknown user and a wrong password), a disabled account, a signed-out
 * {@code SignedIn}, or a session whose account was disabled or changed since sign-in.</li>
 * <li>{@link de.grw.common.UserFacingException} (with a {@link de.grw.common.Text} where the engine has one, else an
 * English message): bad input naming file, line and problem; something that does not exist or is in the wrong state
 * (a cluster decided already, a merge no longer pending); a missing case reference or comment the settings demand;
 * content imported before; a damaged workspace.</li>
 * <li>{@link de.grw.common.CancelledException}: long work (import, match) stopped through its token before it stored
 * anything.</li>
 * </ul>
 * Arguments a caller builds wrong (a merge of fewer than two records, an export option that does not fit the
 * format) fail in the caller's process with {@link java.lang.IllegalArgumentException} before anything is sent.
 */
package de.grw.api;
