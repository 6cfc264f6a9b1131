package de.grw.journal;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.export.ExportEvent;
import de.grw.rights.Role;
import de.grw.users.AccountEvents;
import de.grw.workspace.WorkspaceEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed journal payloads of accounts, imports, match runs and exports write the canonical JSON that earlier
 * versions wrote from maps, so journals written before still verify and read the same.
 */
class JournalPayloadsTest {

    @Test
    void accounts() {
        assertThat(CanonicalJson.write(new AccountEvents.Created("admin", Role.ADMINISTRATOR, true)))
                .isEqualTo(CanonicalJson.write(Map.of("name", "admin", "role", "ADMINISTRATOR", "first", true)));
        assertThat(CanonicalJson.write(new AccountEvents.Created("anna", Role.CLERK, null)))
                .isEqualTo("{\"name\":\"anna\",\"role\":\"CLERK\"}");
        assertThat(CanonicalJson.write(new AccountEvents.Changed("anna"))).isEqualTo("{\"name\":\"anna\"}");
    }

    @Test
    void workspaceImportsAndMatchRuns() {
        assertThat(CanonicalJson.write(new WorkspaceEvents.Created("person-de", 3)))
                .isEqualTo(CanonicalJson.write(Map.of("profile", "person-de", "schema", 3)));

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("source", "melderegister");
        file.put("file", "melderegister.csv");
        file.put("sha256", "ab12");
        file.put("records", 200L);
        file.put("rows_rejected", 1L);
        file.put("values_not_usable", 0L);
        assertThat(CanonicalJson.write(new WorkspaceEvents.SourceImported("melderegister", "melderegister.csv", null,
                null, null, "ab12", 200, 1, 0))).isEqualTo(CanonicalJson.write(file));

        Map<String, Object> query = new LinkedHashMap<>();
        query.put("source", "q");
        query.put("database", "jdbc:sqlite:x.db");
        query.put("query", "SELECT 1");
        query.put("sha256", "cd34");
        query.put("records", 1L);
        query.put("rows_rejected", 0L);
        query.put("values_not_usable", 0L);
        assertThat(CanonicalJson.write(new WorkspaceEvents.SourceImported("q", null, "jdbc:sqlite:x.db", null,
                "SELECT 1", "cd34", 1, 0, 0))).isEqualTo(CanonicalJson.write(query));

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", 2L);
        run.put("records", 600);
        run.put("candidate_pairs", 5123);
        run.put("threshold", 0.9);
        run.put("clusters", 90);
        run.put("new_clusters", 3);
        run.put("unchanged_clusters", 87);
        run.put("superseded_clusters", 1);
        assertThat(CanonicalJson.write(new WorkspaceEvents.MatchRun(2, 600, 5123, 0.9, 90, 3, 87, 1)))
                .isEqualTo(CanonicalJson.write(run));
    }

    @Test
    void exportsToFilesAndToDatabases() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", "csv");
        file.put("excel", true);
        file.put("case", "AZ-EX");
        file.put("golden_records", 4);
        file.put("records", 9);
        file.put("include_blocked", false);
        file.put("blocked_left_out", 1);
        file.put("blocked_included", List.of());
        assertThat(CanonicalJson.write(new ExportEvent("csv", true, null, null, null, null, null, "AZ-EX", 4, 9,
                false, 1, List.of(), null))).isEqualTo(CanonicalJson.write(file));

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("format", "database");
        db.put("database", "jdbc:postgresql://h/db");
        db.put("table", "golden");
        db.put("lineage_table", "golden_lineage");
        db.put("members_table", "golden_members");
        db.put("mode", "create");
        db.put("case", "");
        db.put("golden_records", 2);
        db.put("records", 4);
        db.put("include_blocked", true);
        db.put("blocked_left_out", 0);
        db.put("blocked_included", List.of("G-000002"));
        assertThat(CanonicalJson.write(new ExportEvent("database", null, "jdbc:postgresql://h/db", "golden",
                "golden_lineage", "golden_members", "create", "", 2, 4, true, 0, List.of("G-000002"), null)))
                .isEqualTo(CanonicalJson.write(db));
    }
}
