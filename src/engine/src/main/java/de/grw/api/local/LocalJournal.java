package de.grw.api.local;

import de.grw.api.JournalApi;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.store.Workspace;
import java.util.List;

/** The journal through the engine's {@link JournalService}. */
final class LocalJournal implements JournalApi {
    private final LocalSignedIn signedIn;
    private final JournalService journal;

    LocalJournal(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.journal = new JournalService(workspace);
    }

    @Override
    public List<JournalEntry> entries(String user, String from, String to, String person) {
        return journal.entries(signedIn.session(), user, from, to, person);
    }

    @Override
    public JournalVerifier.Result verify() {
        return journal.verify(signedIn.session());
    }
}
