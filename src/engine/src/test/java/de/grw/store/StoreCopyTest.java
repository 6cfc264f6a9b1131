package de.grw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grw.common.UserFacingException;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.MergeCommand;
import de.grw.review.ReviewService;
import de.grw.review.ReviewViews.DecisionView;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.rights.Session;
import de.grw.users.UserService;
import de.grw.workspace.TestWorkspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace file with decisions, golden records, accounts, a journal and an access log moves into PostgreSQL row
 * for row: every table holds the same rows, the journal verifies with the same head, the accounts sign in with
 * their passwords, and the work goes on there (ids and golden record numbers continue). A target that holds
 * anything is refused and left as it was.
 */
class StoreCopyTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    /** The rows of a table in a store-independent order, bytes as hex. */
    private static List<List<Object>> rows(Workspace w, String table) {
        String order = switch (table) {
            case "settings" -> "key";
            case "users" -> "name";
            case "journal" -> "seq";
            case "cluster_members" -> "cluster_id, record_id";
            case "cluster_pairs" -> "cluster_id, record_a, record_b";
            case "golden_members" -> "golden_id, record_id, added_by";
            case "golden_values" -> w.dialect().storageOrder();
            case "cannot_links" -> "record_a, record_b, decision_id";
            case "access_log_records" -> "access_id, record_id";
            case "golden_records" -> "id";
            case "models" -> "version";
            case "cluster_claims" -> "cluster_id";
            default -> "id";
        };
        String columns = table.equals("golden_values")
                ? "golden_id, field, value, origin, origin_record, decision_id, superseded_by" : "*";
        return TestWorkspaces.rows(w, "SELECT " + columns + " FROM " + table + " ORDER BY " + order).stream()
                .map(r -> r.stream().map(v -> v instanceof byte[] b ? (Object) HexFormat.of().formatHex(b) : v)
                        .toList()).toList();
    }

    /** Appends a feed of one new record (a copy of {@code record} under {@code key}) to the record's source. */
    private static void appendCopy(Workspace w, Session admin, long record, String key, Path file) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<Object> row = TestWorkspaces.rows(w, "SELECT s.name, s.columns_json, r.cells_json FROM records r "
                    + "JOIN sources s ON s.id = r.source_id WHERE r.id = ?", record).get(0);
            String[] columns = json.readValue((String) row.get(1), String[].class);
            String[] cells = json.readValue((String) row.get(2), String[].class);
            cells[0] = key;
            java.nio.file.Files.writeString(file, String.join(";", columns) + "\n" + String.join(";", cells) + "\n",
                    java.nio.charset.StandardCharsets.UTF_8);
            new de.grw.workspace.WorkspaceImporter(w).appendFile(admin, file, de.grw.importing.MappingFile.NONE,
                    null, (String) row.get(0), de.grw.common.ProgressListener.NONE,
                    de.grw.common.CancellationToken.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyTableOfTheSchemaIsCopied() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(StoreKind.SQLITE, dir)) {
            List<String> tables = TestWorkspaces.rows(f.workspace(), "SELECT name FROM sqlite_master WHERE type = "
                    + "'table' AND name NOT LIKE 'sqlite_%' AND name <> '" + Migrations.HISTORY + "'").stream()
                    .map(r -> (String) r.get(0)).filter(t -> !StoreCopy.NOT_COPIED.contains(t)).toList();
            assertThat(StoreCopy.TABLES).containsExactlyInAnyOrderElementsOf(tables);
        }
    }

    @Test
    void aWorkspaceFileMovesIntoPostgresqlRowForRowAndWorkGoesOn() {
        PostgresDatabases.requireServer();
        String db = PostgresDatabases.create();
        try (TestStore dropped = TestStore.postgres(db);
             TestWorkspaces.Fixture f = TestWorkspaces.open(StoreKind.SQLITE, dir)) {
            ReviewService review = f.review();
            List<QueueEntry> queue = review.queue(f.clerk(), null, 4);
            for (int i = 0; i < 3; i++) {
                long cluster = queue.get(i).clusterId();
                review.show(f.clerk(), cluster, "AZ-" + i);
                DecisionView merge = review.propose(f.clerk(), cluster, new MergeCommand(
                        review.memberIds(f.clerk(), cluster), Map.of()), "dieselbe Person", "AZ-" + i);
                review.approve(f.supervisor(), merge.id(), "geprüft");
            }
            DecisionView defer = review.propose(f.clerk(), queue.get(3).clusterId(), new DeferCommand(), "Rückfrage",
                    "AZ-9");
            review.revert(f.clerk(), defer.id(), "erledigt", "AZ-9");
            review.revert(f.supervisor(), 1, "doch nicht", "AZ-0");
            Workspace file = f.workspace();
            // a daily feed appended and matched with the active model
            appendCopy(file, f.admin(), 5, "177000001", dir.resolve("feed-1.csv"));
            assertThat(TestWorkspaces.match(file, f.clerk()).kind())
                    .isEqualTo(de.grw.workspace.WorkspaceMatcher.Kind.INCREMENTAL);
            String head = new JournalService(file).verify(f.admin()).headHash();

            StoreCopy.Result result;
            try (PostgresStore target = PostgresDatabases.open(db)) {
                result = StoreCopy.copy((SqliteStore) file.store(), target);
            }
            assertThat(result.rows().keySet()).containsExactlyElementsOf(StoreCopy.TABLES);
            assertThat(result.rows().get("records")).isEqualTo(601);
            assertThat(result.rows().get("models")).isEqualTo(1);
            assertThat(result.rows().get("source_feeds")).isEqualTo(1);
            try (Workspace copy = Workspace.of(PostgresDatabases.open(db))) {
                for (String table : StoreCopy.TABLES) {
                    assertThat(rows(copy, table)).as(table).isEqualTo(rows(file, table))
                            .hasSize(result.rows().get(table).intValue());
                }
                List<JournalEntry> journal = copy.read(Journal::all);
                assertThat(journal).isEqualTo(file.read(Journal::all));
                JournalVerifier.Result verified = new JournalService(copy).verify(f.admin());
                assertThat(verified.ok()).as(verified.describe()).isTrue();
                assertThat(verified.headHash()).isEqualTo(head);

                // work goes on in the server's store
                UserService users = new UserService(copy);
                Session clerk = users.login(TestWorkspaces.CLERK, TestWorkspaces.CLERK_PASSWORD.toCharArray());
                Session supervisor = users.login(TestWorkspaces.SUPERVISOR,
                        TestWorkspaces.SUPERVISOR_PASSWORD.toCharArray());
                ReviewService there = new ReviewService(copy);
                long next = there.queue(clerk, null, 1).get(0).clusterId();
                DecisionView merge = there.propose(clerk, next, new MergeCommand(there.memberIds(clerk, next),
                        Map.of()), "dieselbe Person", "AZ-10");
                assertThat(merge.id()).isEqualTo(file.read(c -> Sql.number(c, "SELECT max(id) FROM decisions")) + 1);
                there.approve(supervisor, merge.id(), "geprüft");
                assertThat(there.goldenRecordOf(clerk, merge.id())).contains("G-000004");
                // the next feed continues the feeds' ids and is matched with the copied model
                appendCopy(copy, f.admin(), 7, "177000002", dir.resolve("feed-2.csv"));
                assertThat(TestWorkspaces.rows(copy, "SELECT id FROM source_feeds ORDER BY id"))
                        .containsExactly(List.of(1), List.of(2));
                var run = de.grw.workspace.TestWorkspaces.match(copy, clerk);
                assertThat(run.kind()).isEqualTo(de.grw.workspace.WorkspaceMatcher.Kind.INCREMENTAL);
                assertThat(run.modelVersion()).isEqualTo(1);
                assertThat(run.newRecords()).isEqualTo(1);
                assertThat(new JournalService(copy).verify(f.admin()).ok()).isTrue();
            }
        }
    }

    @Test
    void aTargetThatHoldsAnythingIsRefusedAndLeftAsItWas() {
        PostgresDatabases.requireServer();
        String db = PostgresDatabases.create();
        try (TestStore dropped = TestStore.postgres(db);
             TestWorkspaces.Fixture f = TestWorkspaces.open(StoreKind.SQLITE, dir)) {
            try (Workspace target = TestStore.postgres(db).create("person-de")) {
                assertThatThrownBy(() -> StoreCopy.copy((SqliteStore) f.workspace().store(),
                        (PostgresStore) target.store())).isInstanceOf(UserFacingException.class)
                        .hasMessageContaining("holds a workspace already");
                assertThat(target.read(Journal::all)).hasSize(1);
                assertThat(TestWorkspaces.count(target, "SELECT count(*) FROM records")).isZero();
            }
        }
    }
}
