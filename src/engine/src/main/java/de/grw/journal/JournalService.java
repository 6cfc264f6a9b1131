package de.grw.journal;

import de.grw.rights.Permission;
import de.grw.rights.Session;
import de.grw.store.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading and verifying a workspace's journal, with the rights checked. */
public final class JournalService {
    private final Workspace workspace;

    public JournalService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Entries matching all given filters, in journal order.
     *
     * @param user   only entries by this user, or {@code null}
     * @param from   only entries at or after this ISO time/date prefix (e.g. {@code 2026-11-27}), or {@code null}
     * @param to     only entries before the end of this ISO date (inclusive), or {@code null}
     * @param person only entries that mention this record id or golden record id, or {@code null}
     */
    public List<JournalEntry> entries(Session session, String user, String from, String to, String person) {
        session.require(Permission.VERIFY, "read_the_journal");
        List<JournalEntry> all = workspace.read(Journal::all);
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : all) {
            if (user != null && !user.isBlank() && !e.user().equalsIgnoreCase(user.trim())) {
                continue;
            }
            if (from != null && !from.isBlank() && e.at().compareTo(from.trim()) < 0) {
                continue;
            }
            if (to != null && !to.isBlank() && e.at().substring(0, Math.min(10, e.at().length()))
                    .compareTo(to.trim()) > 0) {
                continue;
            }
            if (person != null && !person.isBlank() && !mentions(e.payload(), person.trim())) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static boolean mentions(String payload, String person) {
        String p = person.toUpperCase(Locale.ROOT);
        if (p.startsWith("G-")) {
            return payload.toUpperCase(Locale.ROOT).contains("\"" + p + "\"");
        }
        return payload.matches(".*[\\[,:]" + java.util.regex.Pattern.quote(person) + "[\\],}].*");
    }

    /**
     * What changed after journal entry {@code after}: at most {@code limit} entries, in order, and the journal's
     * last number. For clients that refresh their queue and open cluster when someone else decides.
     */
    public Page changes(Session session, long after, int limit) {
        session.require(Permission.VERIFY, "read_the_journal");
        return workspace.read(c -> new Page(Journal.after(c, Math.max(0, after), limit), Journal.latest(c)));
    }

    /** A page of the journal after a number, and the journal's last number. */
    public record Page(List<JournalEntry> entries, long latest) {
    }

    /** Verifies the whole chain. */
    public JournalVerifier.Result verify(Session session) {
        session.require(Permission.VERIFY, "verify_the_journal");
        workspace.checkIntegrity();
        return workspace.read(c -> {
            JournalVerifier.Result chain = JournalVerifier.verify(Journal.all(c).iterator());
            java.util.Optional<de.grw.store.WriteGuard> guard = workspace.guard();
            if (guard.isPresent()) {
                de.grw.store.WriteGuard.Check check = guard.get().check(c);
                return chain.withLedger(check.summary(), check.problem());
            }
            java.util.Optional<String> id = de.grw.store.Settings.get(c, de.grw.store.Settings.LEDGER_ID);
            return id.isEmpty() ? chain : chain.withLedger("ledger " + id.get() + " not checked: the workspace "
                    + "keeps a ledger, but no ledger home is set here (GRW_LEDGER_HOME)", java.util.Optional.empty());
        });
    }
}
