package de.grw.api;

import de.grw.rights.Permission;
import de.grw.rights.Role;
import java.util.Set;

/**
 * One user's access to a workspace, from sign-in to sign-out ({@link #close()}). It holds the session itself:
 * no method takes a user name to act as, a session or a connection, so whatever is done through it is done, checked
 * and logged as this user. It hands out the feature interfaces; each call of theirs checks anew that the session
 * holds (not signed out, the account neither disabled nor changed since sign-in) and then the user's rights.
 * <p>
 * {@link #user()}, {@link #role()}, {@link #permissions()}, {@link #may} and the feature getters answer from what
 * sign-in fetched: no I/O, safe on the FX thread. After {@link #close()} every call but {@code close} throws
 * {@link de.grw.rights.AccessDeniedException}.
 */
public interface SignedIn extends AutoCloseable {

    /** The signed-in user's name. */
    String user();

    /** The signed-in user's role. */
    Role role();

    /** What the signed-in user may do (the role's permissions). */
    Set<Permission> permissions();

    /** Whether the signed-in user holds a permission; for showing or hiding what they may not use. */
    default boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    /** The review queue, clusters, golden records and decisions. */
    ReviewApi review();

    /** Supervisors' approval of proposed merges (four eyes). */
    ApprovalApi approval();

    /** Imports of files and database tables as new sources. */
    ImportApi imports();

    /** Match runs over the workspace's records. */
    MatchingApi matching();

    /** The model versions: listing, training, activating (four eyes) and going back. */
    ModelsApi models();

    /** The journal: reading and verifying it. */
    JournalApi journal();

    /** Who saw or exported which person's data. */
    AccessLogApi accessLog();

    /** Exports of the approved golden records. */
    ExportApi export();

    /** The workspace's accounts. */
    UsersApi users();

    /** The workspace's match profile and governance settings. */
    GovernanceApi governance();

    /** Real-time linking, search and golden records for other applications. */
    LinkApi link();

    /** Signs out: every later call through this object or the interfaces it handed out is refused. Idempotent. */
    @Override
    void close();
}
