package de.grw.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.JournalVerifier;
import de.grw.review.DeferCommand;
import de.grw.review.ReviewViews.QueueEntry;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.versions.ModelVersions;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model versions (issue 15's {@code models} and {@code model_activations}) sealed by the ledger since schema
 * version 17: a version trained and activated through the workbench is sealed (verify stays green), and a version
 * edited, deleted or inserted, or an activation deleted or inserted, directly in the store is named by
 * {@code verify} (which fails) and refuses the next write.
 */
@Tag("slow") // in CI; left out of the developers' fast suite (mvn -Pquick), the slowest tests of its module
@ParameterizedClass
@EnumSource(StoreKind.class)
class LedgerModelVersionsTamperingTest {
    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private LedgerTestStore at;
    private long deferCluster;

    @BeforeEach
    void prepare() {
        at = LedgerTestStore.prepare(store, dir, f -> {
            int version = new WorkspaceMatcher(f.workspace()).train(f.supervisor(), ProgressListener.NONE,
                    CancellationToken.NONE);
            new ModelVersions(f.workspace()).activate(f.supervisor2(), version, "besser");
            List<QueueEntry> queue = f.review().queue(f.clerk(), null, 1);
            deferCluster = queue.get(0).clusterId();
        });
    }

    @AfterEach
    void drop() {
        at.close();
    }

    /** Verify fails naming {@code what}, and the next write is refused naming it. */
    private void detected(String what) {
        at.verifyNames(what);
        long journal = at.count("SELECT COUNT(*) FROM journal");
        try (Workspace w = at.openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            assertThatThrownBy(() -> f.review().propose(f.clerk(), deferCluster, new DeferCommand(), "Rückfrage",
                    "AZ-9"))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("ledger")
                    .hasMessageContaining(what);
        }
        assertThat(at.count("SELECT COUNT(*) FROM journal")).isEqualTo(journal);
    }

    @Test
    void versionsTrainedAndActivatedThroughTheWorkbenchAreSealed() throws Exception {
        assertThat(at.count("SELECT COUNT(*) FROM models")).isEqualTo(2);
        assertThat(at.count("SELECT COUNT(*) FROM model_activations")).isEqualTo(2);
        Path anchor;
        try (var files = Files.list(at.home().resolve("anchors"))) {
            anchor = files.findFirst().orElseThrow();
        }
        JsonNode last = null;
        for (String line : Files.readAllLines(anchor, StandardCharsets.UTF_8)) {
            JsonNode n = CanonicalJson.parse(line);
            if ("checkpoint".equals(n.path("type").asText())) {
                last = n;
            }
        }
        assertThat(last.path("tables").has("models")).isTrue();
        assertThat(last.path("tables").has("model_activations")).isTrue();
        try (Workspace w = at.openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            new ModelVersions(w).revert(f.supervisor(), 1, "zurück");
            f.review().propose(f.clerk(), deferCluster, new DeferCommand(), "Rückfrage", "AZ-9");
        }
        JournalVerifier.Result r = at.verify();
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    @Test
    void aVersionEditedInTheStoreIsNamed() throws SQLException {
        at.attack("models", "UPDATE models SET quality_json = '{\"f1\":0.99}' WHERE version = 2");
        detected("table models differs");
    }

    @Test
    void aVersionDeletedInTheStoreIsNamed() throws SQLException {
        at.attack("model_activations", "DELETE FROM model_activations WHERE version = 2");
        at.attack("models", "DELETE FROM models WHERE version = 2");
        detected("tables models, model_activations differ");
    }

    @Test
    void aVersionInsertedInTheStoreIsNamed() throws SQLException {
        at.attack("models", "INSERT INTO models(version, estimated_at, estimated_by, run_id, records, profile_json, "
                + "model_json, model_bytes, inputs_json, quality_json, model_sha256) SELECT 3, estimated_at, "
                + "'carla', run_id, records, profile_json, model_json, model_bytes, inputs_json, quality_json, "
                + "model_sha256 FROM models WHERE version = 2");
        detected("table models differs");
    }

    @Test
    void anActivationEditedInTheStoreIsNamed() throws SQLException {
        at.attack("model_activations", "UPDATE model_activations SET activated_by = 'bernd' WHERE version = 2");
        detected("table model_activations differs");
    }

    @Test
    void anActivationInsertedInTheStoreIsNamed() throws SQLException {
        // going back to version 1 past the engine: no second supervisor, no journal entry
        at.attack("model_activations", "INSERT INTO model_activations(id, version, activated_at, activated_by, kind, "
                + "previous, comment) SELECT MAX(id) + 1, 1, MAX(activated_at), 'carla', 'revert', 2, '' FROM "
                + "model_activations");
        detected("table model_activations differs");
    }

    @Test
    void anActivationDeletedWithTheTriggersInPlaceIsNamed() throws SQLException {
        // the append-only triggers of schema 15 dropped, the ledger's change-log trigger kept: it logs the delete
        at.sql(store == StoreKind.SQLITE ? "DROP TRIGGER model_activations_no_delete"
                : "DROP TRIGGER model_activations_no_delete ON model_activations",
                "DELETE FROM model_activations WHERE id = (SELECT MAX(id) FROM model_activations)");
        detected("table model_activations differs");
    }

    /**
     * A ledger begun before schema version 17: its last checkpoint names no model tables (written here with the
     * ledger's key as an older build wrote it). The next write is not refused for them and seals them; from then on
     * an edit is found.
     */
    @Test
    void aLedgerFromBeforeVersion17SealsTheModelTablesAtItsNextWrite() throws Exception {
        Path file;
        try (var files = Files.list(at.home().resolve("anchors"))) {
            file = files.findFirst().orElseThrow();
        }
        Anchor anchor = new Anchor(file);
        anchor.refresh();
        JsonNode last = anchor.lastCheckpoint();
        java.util.Map<String, Object> old = new java.util.LinkedHashMap<>();
        last.fields().forEachRemaining(e -> {
            if (!java.util.Set.of("n", "prev", "key", "sig").contains(e.getKey())) {
                old.put(e.getKey(), e.getValue());
            }
        });
        com.fasterxml.jackson.databind.node.ObjectNode tables = last.path("tables").deepCopy();
        tables.remove("models");
        tables.remove("model_activations");
        old.put("tables", tables);
        LedgerKey key = LedgerKey.inHome(at.home());
        long n = anchor.append(old, key).path("n").asLong();
        anchor.append(new java.util.LinkedHashMap<>(java.util.Map.of("type", "committed", "at",
                last.path("at").asText(), "ledger", last.path("ledger").asText(), "of", n)), key);
        anchor.refresh();
        assertThat(anchor.lastCheckpoint().path("tables").has("models")).isFalse();
        JournalVerifier.Result before = at.verify();
        assertThat(before.ok()).as(before.describe()).isTrue();

        try (Workspace w = at.openWithLedger()) {
            TestWorkspaces.Fixture f = at.fixture(w);
            f.review().propose(f.clerk(), deferCluster, new DeferCommand(), "Rückfrage", "AZ-9");
        }
        anchor.refresh();
        assertThat(anchor.lastCheckpoint().path("tables").has("models")).isTrue();
        at.attack("models", "UPDATE models SET estimated_by = 'carla' WHERE version = 1");
        at.verifyNames("table models differs");
    }
}
