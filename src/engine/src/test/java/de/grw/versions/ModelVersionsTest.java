package de.grw.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.common.UserFacingException;
import de.grw.journal.CanonicalJson;
import de.grw.journal.Journal;
import de.grw.journal.JournalEntry;
import de.grw.journal.JournalService;
import de.grw.journal.JournalVerifier;
import de.grw.rights.AccessDeniedException;
import de.grw.store.StoreKind;
import de.grw.store.Workspace;
import de.grw.workspace.ModelRepository;
import de.grw.workspace.TestWorkspaces;
import de.grw.workspace.WorkspaceMatcher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Accountable model versions (issue 15): a trained version is recorded with its inputs, parameters and estimated
 * quality in the store and the journal; it scores nothing until a supervisor who did not train it activates it (four
 * eyes in the engine: a clerk, an administrator and the trainer are refused); a supervisor goes back only to a version
 * that was active before; and a version flipped in the store past the engine shows in {@code verify}.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ModelVersionsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private static int train(TestWorkspaces.Fixture f, de.grw.rights.Session who) {
        return new WorkspaceMatcher(f.workspace()).train(who, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static List<JsonNode> journal(Workspace w, String action) {
        return w.read(c -> Journal.all(c)).stream().filter(e -> e.action().equals(action))
                .map(e -> CanonicalJson.parse(e.payload())).toList();
    }

    @Test
    void aTrainedVersionIsRecordedWithItsInputsAndQualityAndWaitsForASupervisor() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ModelVersions versions = new ModelVersions(w);
            assertThat(versions.list(f.clerk())).singleElement().satisfies(v -> {
                assertThat(v.version()).isEqualTo(1);
                assertThat(v.state()).isEqualTo("active");
            });
            int version = train(f, f.supervisor());
            assertThat(version).isEqualTo(2);

            ModelVersionView v2 = versions.version(f.clerk(), 2);
            assertThat(v2.state()).isEqualTo("candidate");
            assertThat(v2.trainedBy()).isEqualTo(TestWorkspaces.SUPERVISOR);
            assertThat(v2.runId()).isNull();
            assertThat(v2.method()).isEqualTo("em");
            assertThat(v2.reason()).isEqualTo("train");
            assertThat(v2.records()).isEqualTo(TestWorkspaces.count(w, "SELECT count(*) FROM records"));
            assertThat(v2.decisionsInForce()).isEqualTo(TestWorkspaces.count(w, "SELECT count(*) FROM decisions "
                    + "WHERE state = 'EFFECTIVE' AND kind IN ('MERGE', 'NOT_DUPLICATE', 'SPLIT')"));
            assertThat(v2.decisionsUsed()).isEmpty(); // the unsupervised EM uses no decision as a label
            assertThat(v2.precision()).isBetween(0.5, 1.0);
            assertThat(v2.recall()).isBetween(0.5, 1.0);
            assertThat(v2.f1()).isPositive();
            assertThat(v2.parameters()).isNotEmpty();
            assertThat(versions.version(f.clerk(), 1).state()).isEqualTo("active");

            // the journal holds the version with its inputs, quality and the SHA-256 of the stored parameters
            JsonNode entry = journal(w, "model.estimated").stream().filter(p -> p.path("version").asInt() == 2)
                    .findFirst().orElseThrow();
            byte[] bytes = (byte[]) TestWorkspaces.rows(w, "SELECT model_bytes FROM models WHERE version = 2").get(0)
                    .get(0);
            assertThat(entry.path("model_sha256").asText()).isEqualTo(ModelRepository.sha256(bytes))
                    .isEqualTo(v2.modelSha256());
            assertThat(entry.path("active").asBoolean()).isFalse();
            assertThat(entry.path("inputs").path("records").asLong()).isEqualTo(v2.records());
            assertThat(entry.path("inputs").path("records_sha256").asText()).hasSize(64);
            assertThat(entry.path("inputs").path("profile_sha256").asText()).hasSize(64);
            assertThat(entry.path("quality").path("f1").asDouble()).isEqualTo(v2.f1());

            // runs keep scoring with version 1 until a supervisor activates 2
            WorkspaceMatcher.Result run = new WorkspaceMatcher(w).runFull(f.clerk(), null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(run.modelVersion()).isEqualTo(1);
            assertThat(TestWorkspaces.rows(w, "SELECT model_version FROM match_runs WHERE id = ?", run.runId()))
                    .containsExactly(List.of(1));
        }
    }

    @Test
    void onlyASupervisorWhoDidNotTrainAVersionActivatesIt() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ModelVersions versions = new ModelVersions(w);
            train(f, f.supervisor()); // bernd trains version 2
            assertThatThrownBy(() -> versions.activate(f.clerk(), 2, "ich will"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> versions.activate(f.admin(), 2, ""))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> versions.activate(f.supervisor(), 2, "meins"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("four-eyes");
            assertThat(ModelRepository.class).isNotNull();
            assertThat(w.read(ModelRepository::activeVersion)).isEqualTo(1);
            assertThat(journal(w, "model.activated")).hasSize(1); // the first model's, nothing since

            ModelVersionView active = versions.activate(f.supervisor2(), 2, "geprüft");
            assertThat(active.state()).isEqualTo("active");
            assertThat(active.activatedBy()).isEqualTo(TestWorkspaces.SUPERVISOR2);
            assertThat(versions.version(f.clerk(), 1).state()).isEqualTo("earlier");
            JsonNode entry = journal(w, "model.activated").get(1);
            assertThat(entry.path("version").asInt()).isEqualTo(2);
            assertThat(entry.path("previous").asInt()).isEqualTo(1);
            assertThat(entry.path("trained_by").asText()).isEqualTo(TestWorkspaces.SUPERVISOR);
            assertThat(entry.path("comment").asText()).isEqualTo("geprüft");
            assertThat(w.read(c -> Journal.all(c)).stream().filter(e -> e.action().equals("model.activated"))
                    .map(JournalEntry::user).toList()).last().isEqualTo(TestWorkspaces.SUPERVISOR2);

            // the next run scores with version 2, all pairs (the model changed)
            WorkspaceMatcher.Result run = new WorkspaceMatcher(w).run(f.clerk(), null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(run.modelVersion()).isEqualTo(2);
            assertThat(run.kind()).isEqualTo(WorkspaceMatcher.Kind.FULL);
            assertThat(run.result()).isNotNull();
            // activating it again, or a version that does not exist, is refused
            assertThatThrownBy(() -> versions.activate(f.supervisor2(), 2, "")).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("active one already");
            assertThatThrownBy(() -> versions.activate(f.supervisor2(), 9, "")).hasMessageContaining("no model "
                    + "version 9");
        }
    }

    @Test
    void anotherAccountOfTheSamePersonMayNotActivateEither() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            train(f, f.supervisor()); // bernd
            // someone edits the store so that bernd's account belongs to carla's person
            try (Connection c = f.store().raw(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE users SET person = (SELECT person FROM users WHERE name = 'carla') "
                        + "WHERE name = 'bernd'");
            }
            assertThatThrownBy(() -> new ModelVersions(f.workspace()).activate(f.supervisor2(), 2, ""))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("four-eyes");
        }
    }

    @Test
    void aSupervisorGoesBackOnlyToAVersionThatWasActiveBefore() {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            ModelVersions versions = new ModelVersions(w);
            train(f, f.supervisor());
            versions.activate(f.supervisor2(), 2, "");
            assertThat(new WorkspaceMatcher(w).run(f.clerk(), null, ProgressListener.NONE, CancellationToken.NONE)
                    .modelVersion()).isEqualTo(2);
            assertThatThrownBy(() -> versions.revert(f.clerk(), 1, "")).isInstanceOf(AccessDeniedException.class);
            ModelVersionView back = versions.revert(f.supervisor(), 1, "Zwillinge wieder verschmolzen");
            assertThat(back.state()).isEqualTo("active");
            assertThat(w.read(ModelRepository::activeVersion)).isEqualTo(1);
            JsonNode entry = journal(w, "model.reverted").get(0);
            assertThat(entry.path("version").asInt()).isEqualTo(1);
            assertThat(entry.path("previous").asInt()).isEqualTo(2);
            assertThat(entry.path("kind").asText()).isEqualTo("revert");
            WorkspaceMatcher.Result afterRevert = new WorkspaceMatcher(w).run(f.clerk(), null, ProgressListener.NONE,
                    CancellationToken.NONE);
            assertThat(afterRevert.modelVersion()).isEqualTo(1);
            assertThat(afterRevert.kind()).isEqualTo(WorkspaceMatcher.Kind.FULL);

            // a version never active cannot be gone back to (that would skip four eyes), nor an earlier one activated
            train(f, f.supervisor2()); // version 3, by carla
            assertThatThrownBy(() -> versions.revert(f.supervisor2(), 3, "")).hasMessageContaining("never active");
            assertThatThrownBy(() -> versions.activate(f.supervisor(), 2, "")).hasMessageContaining("go back");
            assertThat(TestWorkspaces.rows(w, "SELECT version, kind FROM model_activations ORDER BY id"))
                    .containsExactly(List.of(1, "initial"), List.of(2, "activate"), List.of(1, "revert"));
            assertThat(versions.list(f.clerk())).extracting(ModelVersionView::version, ModelVersionView::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "candidate"),
                            org.assertj.core.groups.Tuple.tuple(2, "earlier"),
                            org.assertj.core.groups.Tuple.tuple(1, "active"));
            assertThat(verify(f).ok()).as(verify(f).describe()).isTrue();
        }
    }

    @Test
    void flippingTheActiveVersionInTheStorePastTheEngineShowsInVerify() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            Workspace w = f.workspace();
            train(f, f.supervisor()); // version 2, waiting for four eyes
            assertThat(verify(f).ok()).as(verify(f).describe()).isTrue();
            try (Connection c = f.store().raw(); Statement s = c.createStatement()) {
                // the append-only table refuses a change of its rows ...
                assertThatThrownBy(() -> s.executeUpdate("UPDATE model_activations SET version = 2"))
                        .hasMessageContaining("append-only");
                // ... but the owner of the file adds a row: bernd's own version is active without four eyes
                s.executeUpdate("INSERT INTO model_activations(id, version, activated_at, activated_by, kind, "
                        + "previous, comment) VALUES (2, 2, '2026-12-06T23:00:00Z', 'bernd', 'activate', 1, '')");
            }
            assertThat(w.read(ModelRepository::activeVersion)).isEqualTo(2);
            JournalVerifier.Result result = verify(f);
            assertThat(result.ok()).isFalse();
            assertThat(result.describe()).contains("model activations differ from the journal")
                    .contains("the active model version is 2, the journal says 1");
        }
    }

    @Test
    void changedParametersOfAVersionShowInVerify() throws Exception {
        try (TestWorkspaces.Fixture f = TestWorkspaces.open(store, dir)) {
            train(f, f.supervisor());
            try (Connection c = f.store().raw(); Statement s = c.createStatement()) {
                s.execute(store == StoreKind.POSTGRESQL ? "DROP TRIGGER models_immutable ON models"
                        : "DROP TRIGGER models_immutable");
            }
            byte[] bytes = (byte[]) TestWorkspaces.rows(f.workspace(), "SELECT model_bytes FROM models WHERE version = 2")
                    .get(0).get(0);
            bytes[bytes.length - 3] ^= 1; // one weight a little different
            try (Connection c = f.store().raw();
                 java.sql.PreparedStatement ps = c.prepareStatement("UPDATE models SET model_bytes = ? WHERE version = 2")) {
                ps.setBytes(1, bytes);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            JournalVerifier.Result result = verify(f);
            assertThat(result.ok()).isFalse();
            assertThat(result.describe()).contains("model version 2: its parameters are not those the journal sealed");
        }
    }

    /** What {@code verify} says: the journal's chain and the model versions against it (as the API's verify). */
    private static JournalVerifier.Result verify(TestWorkspaces.Fixture f) {
        return new JournalService(f.workspace()).verify(f.supervisor())
                .withModelCheck(f.workspace().read(ModelVersionCheck::check));
    }
}
