package de.grw.workspace;

import de.grw.journal.Journal;
import de.grw.journal.JournalVerifier;
import de.grw.users.Permission;
import de.grw.users.Session;

/** The journal of a workspace as users may check it: verification of the hash chain, with the right to verify. */
public final class WorkspaceJournal {
    private final Workspace workspace;

    public WorkspaceJournal(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Verifies the whole chain as stored (in storage order, so that reordering shows). */
    public JournalVerifier.Result verify(Session session) {
        session.require(Permission.VERIFY, "verify the journal");
        return workspace.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
    }
}
