package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.importing.ImportProblem;
import de.grw.importing.MappingFile;
import de.grw.journal.Journal;
import de.grw.journal.JournalVerifier;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A daily feed is appended to its existing source: only new rows are stored, a key the source holds already is
 * reported and skipped (the stored record unchanged), a key twice in the feed is rejected, a file appended before,
 * an unknown source and a feed of other columns are refused with nothing stored; the next match compares only the
 * new records.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class AppendFeedTest {
    /** The store the class runs on (each test runs on both). */
    @Parameter
    StoreKind store;

    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static WorkspaceImporter.AppendResult append(Workspace w, TestWorkspaces.Fixture f, Path file,
                                                         String source) {
        return new WorkspaceImporter(w).appendFile(f.admin(), file, MappingFile.NONE, null, source,
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void onlyNewRowsAreAppendedAndPresentKeysAreReportedAndSkipped() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            String[] columns = JSON.readValue((String) TestWorkspaces.rows(w, "SELECT columns_json FROM sources "
                    + "WHERE name = 'melderegister'").get(0).get(0), String[].class);
            List<List<Object>> stored = TestWorkspaces.rows(w, "SELECT id, record_key, cells_json FROM records WHERE "
                    + "source_id = 1 ORDER BY id LIMIT 2");
            String[] present = JSON.readValue((String) stored.get(0).get(2), String[].class);
            String[] changed = present.clone();
            changed[1] = "Geändert";         // same key, other content: must not change the record
            String[] fresh = JSON.readValue((String) stored.get(1).get(2), String[].class);
            fresh[0] = "188888888";
            String[] fresh2 = fresh.clone();
            fresh2[0] = "188888889";
            String feed = String.join(";", columns) + "\n" + String.join(";", changed) + "\n"
                    + String.join(";", fresh) + "\n" + String.join(";", fresh2) + "\n" + String.join(";", fresh2)
                    + "\n";
            Path file = dir.resolve("melderegister_2026-12-05.csv");
            Files.writeString(file, feed, StandardCharsets.UTF_8);
            long before = TestWorkspaces.count(w, "SELECT count(*) FROM records");
            List<List<Object>> allBefore = TestWorkspaces.rows(w, "SELECT * FROM records ORDER BY id");

            WorkspaceImporter.AppendResult r = append(w, f, file, "melderegister");
            assertThat(r.appended()).isEqualTo(2);
            assertThat(r.keysPresent()).isEqualTo(1);
            assertThat(r.imported().rowsRejected()).isEqualTo(1); // the key twice within the feed
            assertThat(r.problems()).filteredOn(p -> p.kind() == ImportProblem.Kind.REJECTED_ROW)
                    .extracting(ImportProblem::line).containsExactly(2L, 5L);
            assertThat(r.problems().stream().filter(p -> p.line() == 2).findFirst().orElseThrow().message())
                    .contains(present[0]).contains("already").contains("skipped");
            // stored records unchanged, the new ones in the same source, named with their feed
            assertThat(TestWorkspaces.rows(w, "SELECT * FROM records WHERE id <= ? ORDER BY id",
                    allBefore.get(allBefore.size() - 1).get(0)).stream().map(row -> row.subList(0, 9)).toList())
                    .isEqualTo(allBefore.stream().map(row -> row.subList(0, 9)).toList());
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM records")).isEqualTo(before + 2);
            assertThat(TestWorkspaces.rows(w, "SELECT source_id, record_key, feed_id FROM records WHERE id > ? "
                    + "ORDER BY id", before)).containsExactly(List.of(1, "188888888", (int) r.feedId()),
                    List.of(1, "188888889", (int) r.feedId()));
            assertThat(TestWorkspaces.rows(w, "SELECT records_appended, keys_present, rows_rejected FROM "
                    + "source_feeds")).containsExactly(List.of(2, 1, 2));
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM import_problems WHERE feed_id = ?", r.feedId()))
                    .isEqualTo(r.problems().size());
            // journalled, and the chain verifies
            assertThat(TestWorkspaces.rows(w, "SELECT payload FROM journal WHERE action = 'source.appended'"))
                    .hasSize(1).first().asString().contains("\"keys_present\":1").contains("\"records\":2");
            JournalVerifier.Result v = w.read(c -> JournalVerifier.verify(Journal.all(c).iterator()));
            assertThat(v.ok()).as(v.describe()).isTrue();

            // the same file again is refused
            long journal = TestWorkspaces.count(w, "SELECT count(*) FROM journal");
            assertThatThrownBy(() -> append(w, f, file, "melderegister")).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("imported already");
            // an unknown source, and a feed with other columns, are refused; nothing is stored
            Path other = dir.resolve("other.csv");
            Files.writeString(other, String.join(";", columns) + "\n" + String.join(";", fresh).replace("188888888",
                    "177777777") + "\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> append(w, f, other, "gibtsnicht")).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("no source named 'gibtsnicht'");
            Path narrow = dir.resolve("narrow.csv");
            Files.writeString(narrow, columns[0] + ";" + columns[1] + "\n177777777;X\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> append(w, f, narrow, "melderegister")).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("must have its columns");
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM records")).isEqualTo(before + 2);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM source_feeds")).isEqualTo(1);
            assertThat(TestWorkspaces.count(w, "SELECT count(*) FROM journal")).isEqualTo(journal);

            // the next match compares only the two new records, with the active model
            WorkspaceMatcher.Result run = TestWorkspaces.match(w, f.clerk());
            assertThat(run.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            assertThat(run.newRecords()).isEqualTo(2);
        }
    }
}
