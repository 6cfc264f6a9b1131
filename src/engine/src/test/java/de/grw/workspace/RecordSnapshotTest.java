package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.RecordTable;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record snapshot is only a faster way to read the records: a run that reads the old records out of it finds
 * exactly the clusters of a run that reads them all from the records table, and a snapshot that no longer fits the
 * records (or the profile, or is damaged) is not used: the run reads all records and rebuilds it.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RecordSnapshotTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    /** Two sources matched (the model estimated, the snapshot written), a third imported and not yet matched. */
    private static TestStore matchedThenImported(StoreKind kind, Path dir) throws Exception {
        Files.createDirectories(dir);
        TestStore s = TestStore.of(kind, dir);
        try (Workspace w = s.create("person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
        }
        return s;
    }

    private static WorkspaceLoader.Loaded load(Workspace w, boolean snapshot) {
        MatchProfile profile = WorkspaceProfile.profile(w);
        String fingerprint = RecordSnapshot.fingerprint(ProfileLoader.toJson(profile));
        return w.read(c -> WorkspaceLoader.load(c, profile, snapshot ? fingerprint : null));
    }

    /** The table as rows: id, source name, record key, values. */
    private static List<List<Object>> rows(WorkspaceLoader.Loaded loaded) {
        RecordTable t = loaded.table();
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            List<Object> row = new ArrayList<>(List.of(loaded.ids()[r], t.sourceIndex(r), t.sourceName(r),
                    t.recordId(r)));
            for (int f = 0; f < t.fieldCount(); f++) {
                row.add(t.value(r, f));
            }
            out.add(row);
        }
        return out;
    }

    /** Every cluster by its members: status, size, probabilities, runs (what the queue shows and orders by). */
    private static Map<List<Long>, List<Object>> clusters(Workspace w) {
        Map<List<Long>, List<Object>> out = new HashMap<>();
        for (List<Object> r : TestWorkspaces.rows(w, "SELECT id, status, size, min_probability, max_probability, "
                + "first_run, last_run FROM clusters")) {
            long id = ((Number) r.get(0)).longValue();
            out.put(TestWorkspaces.members(w, id), r);
        }
        return out;
    }

    @Test
    void aRunWithTheSnapshotFindsTheClustersOfARunWithout() throws Exception {
        Map<List<Long>, List<Object>> with;
        Map<List<Long>, List<Object>> without;
        try (TestStore a = matchedThenImported(store, dir.resolve("a"));
             TestStore b = matchedThenImported(store, dir.resolve("b"))) {
            try (Workspace w = a.open()) {
                long old = TestWorkspaces.count(w, "SELECT count(*) FROM records WHERE source_id < 3");
                long all = TestWorkspaces.count(w, "SELECT count(*) FROM records");
                // the estimating run wrote the snapshot of the records it read
                assertThat(TestWorkspaces.count(w, "SELECT sum(record_count) FROM record_snapshots")).isEqualTo(old);
                // read with it: the same table as read without, the old records out of the snapshot
                WorkspaceLoader.Loaded fast = load(w, true);
                WorkspaceLoader.Loaded plain = load(w, false);
                assertThat(fast.fromSnapshot()).isEqualTo((int) old);
                assertThat(plain.fromSnapshot()).isZero();
                assertThat(rows(fast)).hasSize((int) all).isEqualTo(rows(plain));
                // the old records' blocking keys were kept with it, and they are those computed from the records
                assertThat(plain.keys()).isNull();
                assertThat(fast.keys().count()).isEqualTo((int) old);
                MatchProfile profile = WorkspaceProfile.profile(w);
                de.grw.matching.blocking.RecordKeys fresh = de.grw.matching.blocking.RecordKeys.compute(profile,
                        de.grw.matching.data.PreparedRecords.prepare(plain.table(), profile, ProgressListener.NONE,
                                CancellationToken.NONE), 0, (int) all, CancellationToken.NONE);
                for (int i = 0; i < old; i++) {
                    assertThat(fast.keys().sameAs(i, fresh, i)).as("keys of record %d", i).isTrue();
                }

                Session admin = TestWorkspaces.fixture(w, a).admin();
                WorkspaceMatcher.Result r = TestWorkspaces.match(w, admin);
                assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
                with = clusters(w);
                // the run added a segment for the new records only: the next run reads nothing from the table
                assertThat(TestWorkspaces.count(w, "SELECT sum(record_count) FROM record_snapshots")).isEqualTo(all);
                assertThat(TestWorkspaces.rows(w, "SELECT record_count FROM record_snapshots WHERE first_record_id "
                        + "> (SELECT max(id) FROM records WHERE source_id < 3)"))
                        .containsExactly(List.of((int) (all - old)));
                assertThat(load(w, true).fromSnapshot()).isEqualTo((int) all);
                // the new records' keys were added with their segment
                de.grw.matching.blocking.RecordKeys kept = load(w, true).keys();
                assertThat(kept.count()).isEqualTo((int) all);
                for (int i = 0; i < all; i++) {
                    assertThat(kept.sameAs(i, fresh, i)).as("keys of record %d", i).isTrue();
                }
            }
            try (Workspace w = b.open()) {
                Session admin = TestWorkspaces.fixture(w, b).admin();
                WorkspaceMatcher.Result r = new WorkspaceMatcher(w, false).run(admin, null, ProgressListener.NONE,
                        CancellationToken.NONE);
                assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
                without = clusters(w);
            }
        }
        assertThat(with).hasSizeGreaterThan(100);
        // the same clusters, by members, with the same status, probabilities and runs
        assertThat(with).isEqualTo(without);
    }

    @Test
    void aSnapshotThatNoLongerFitsIsNotUsedAndIsRebuilt() throws Exception {
        try (TestStore s = matchedThenImported(store, dir.resolve("s")); Workspace w = s.open()) {
            List<List<Object>> plain = rows(load(w, false));
            long old = TestWorkspaces.count(w, "SELECT count(*) FROM records WHERE source_id < 3");
            assertThat(load(w, true).fromSnapshot()).isEqualTo((int) old);

            // a record the snapshot holds is no longer among the records (records cannot be deleted: what the check
            // sees is the same as a segment claiming one record more than the store has)
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE record_snapshots SET record_count = record_count + 1 "
                    + "WHERE id = (SELECT min(id) FROM record_snapshots)"));
            WorkspaceLoader.Loaded stale = load(w, true);
            assertThat(stale.fromSnapshot()).isZero();
            assertThat(rows(stale)).isEqualTo(plain);
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE record_snapshots SET record_count = record_count - 1 "
                    + "WHERE id = (SELECT min(id) FROM record_snapshots)"));
            assertThat(load(w, true).fromSnapshot()).isEqualTo((int) old);

            // damaged blocking keys: the records are still read out of the snapshot, the keys are computed
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE record_snapshots SET block_keys = ?", new byte[] {1, 2}));
            WorkspaceLoader.Loaded keyless = load(w, true);
            assertThat(keyless.fromSnapshot()).isEqualTo((int) old);
            assertThat(keyless.keys()).isNull();
            assertThat(rows(keyless)).isEqualTo(plain);

            // damaged bytes with the right counts
            List<Object> first = TestWorkspaces.rows(w, "SELECT id, data FROM record_snapshots ORDER BY id").get(0);
            byte[] damaged = ((byte[]) first.get(1)).clone();
            java.nio.ByteBuffer.wrap(damaged).putInt(12, 1 << 30);
            w.write(c -> de.grw.store.Sql.update(c, "UPDATE record_snapshots SET data = ? WHERE id = ?", damaged,
                    first.get(0)));
            WorkspaceLoader.Loaded broken = load(w, true);
            assertThat(broken.fromSnapshot()).isZero();
            assertThat(rows(broken)).isEqualTo(plain);

            // another profile: not this snapshot
            MatchProfile profile = WorkspaceProfile.profile(w);
            String other = RecordSnapshot.fingerprint("{\"name\":\"another\"}");
            assertThat(w.read(c -> WorkspaceLoader.load(c, profile, other)).fromSnapshot()).isZero();

            // the next run reads all records, finds what a run without the snapshot finds, and rebuilds it
            Session admin = TestWorkspaces.fixture(w, s).admin();
            WorkspaceMatcher.Result r = TestWorkspaces.match(w, admin);
            assertThat(r.kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            long all = TestWorkspaces.count(w, "SELECT count(*) FROM records");
            assertThat(TestWorkspaces.count(w, "SELECT sum(record_count) FROM record_snapshots")).isEqualTo(all);
            WorkspaceLoader.Loaded rebuilt = load(w, true);
            assertThat(rebuilt.fromSnapshot()).isEqualTo((int) all);
            assertThat(rows(rebuilt)).isEqualTo(rows(load(w, false)));
        }
    }
}
