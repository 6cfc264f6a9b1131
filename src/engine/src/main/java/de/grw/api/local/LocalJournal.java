package de.grw.api.local;

import de.grw.api.Changes;
import de.grw.api.JournalApi;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.JournalMasking;
import de.grw.store.Workspace;
import java.util.List;

/** The journal through the engine's {@link JournalService}. */
final class LocalJournal implements JournalApi {
    private final LocalSignedIn signedIn;
    private final JournalService journal;
    private final Workspace workspace;

    LocalJournal(LocalSignedIn signedIn, Workspace workspace) {
        this.signedIn = signedIn;
        this.workspace = workspace;
        this.journal = new JournalService(workspace);
    }

    @Override
    public List<JournalEntry> entries(String user, String from, String to, String person) {
        // values typed for a blocked person's golden record read *** for users who may not see blocked records
        return JournalMasking.mask(workspace, signedIn.session(),
                journal.entries(signedIn.session(), user, from, to, person));
    }

    /** Polls the journal every {@value #POLL_MILLIS} ms until a change or the wait is over. */
    @Override
    public Changes changes(long after, int waitSeconds) {
        long deadline = System.nanoTime() + Math.max(0, Math.min(waitSeconds, MAX_WAIT_SECONDS)) * 1_000_000_000L;
        while (true) {
            JournalService.Page page = journal.changes(signedIn.session(), after, PAGE);
            if (!page.entries().isEmpty() || System.nanoTime() >= deadline) {
                return new Changes(page.latest(), page.entries().stream().map(LocalJournal::change).toList());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Changes(page.latest(), java.util.List.of());
            }
        }
    }

    private static final int PAGE = 1000;
    private static final long POLL_MILLIS = 250;

    /** A journal entry as a change: the cluster it concerns read from its payload ({@code "cluster"}). */
    private static Changes.Change change(JournalEntry e) {
        Long cluster = null;
        try {
            com.fasterxml.jackson.databind.JsonNode p = de.grw.journal.CanonicalJson.parse(e.payload());
            if (p.path("cluster").isIntegralNumber()) {
                cluster = p.path("cluster").asLong();
            }
        } catch (RuntimeException ignored) {
            // a payload that is no object concerns no cluster
        }
        return new Changes.Change(e.seq(), e.at(), e.user(), e.action(), cluster);
    }

    @Override
    public JournalVerifier.Result verify() {
        JournalVerifier.Result chain = journal.verify(signedIn.session());
        return chain.withModelCheck(workspace.read(de.grw.versions.ModelVersionCheck::check))
                .withCheck("decisions", workspace.read(de.grw.review.DecisionProjection::check));
    }
}
