package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Role;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same work at the same (fixed) time on a SQLite file and on PostgreSQL writes the same journal, entry for
 * entry and hash for hash: the canonical JSON, the timestamps, the ids and the chain do not depend on the store, so
 * a journal verifies alike and an exported one can be compared across stores.
 */
class JournalAcrossStoresTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:15:30.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void bothStoresWriteTheSameJournal() {
        PostgresDatabases.requireServer();
        List<JournalEntry> sqlite;
        try (Workspace w = WorkspaceSetup.create(dir.resolve("ws.grw"), CLOCK, "person-de")) {
            sqlite = work(w);
        }
        List<JournalEntry> postgres;
        String db = PostgresDatabases.create();
        try (TestStore dropped = TestStore.postgres(db);
             Workspace w = WorkspaceSetup.create(PostgresStore.open(PostgresDatabases.config(db), CLOCK),
                     "person-de")) {
            postgres = work(w);
        }
        assertThat(sqlite).hasSizeGreaterThan(10);
        assertThat(postgres).isEqualTo(sqlite);
        JournalVerifier.Result r = JournalVerifier.verify(postgres.iterator());
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    /** Accounts, two imports, a match run, a merge proposed and approved, a deferral, a revert: the journal. */
    private static List<JournalEntry> work(Workspace w) {
        UserService users = new UserService(w);
        Session admin = users.createFirstAdministrator("admin", "Verwaltung-2026".toCharArray());
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "anna", Role.CLERK, "Sachbearbeitung1");
        de.grw.workspace.TestWorkspaces.addAccount(users, admin, "bernd", Role.SUPERVISOR, "Vorgesetzter-1");
        users.setDisabled(admin, "bernd", true);
        users.setDisabled(admin, "bernd", false);
        Session anna = users.login("anna", "Sachbearbeitung1".toCharArray());
        Session bernd = users.login("bernd", "Vorgesetzter-1".toCharArray());
        TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
        TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
        TestWorkspaces.match(w, anna);
        ReviewService review = new ReviewService(w);
        List<QueueEntry> queue = review.queue(anna, null, 3);
        var merge = review.propose(anna, queue.get(0).clusterId(), new MergeCommand(
                review.memberIds(anna, queue.get(0).clusterId()), Map.of()), "dieselbe Person", "AZ-1");
        review.approve(bernd, merge.id(), "geprüft");
        var defer = review.propose(anna, queue.get(1).clusterId(), new DeferCommand(), "Rückfrage", "AZ-2");
        review.revert(anna, defer.id(), "doch nicht", "AZ-2");
        return w.read(Journal::all);
    }
}
