package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.data.PreparedField;
import de.grw.matching.data.PreparedRecords;
import de.grw.profile.MatchProfile;
import de.grw.profile.ProfileLoader;
import de.grw.rights.Session;
import de.grw.store.StoreKind;
import de.grw.store.TestStore;
import de.grw.store.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A match run keeps its records' normalised values with the record snapshot, and the next run's prepared fields
 * built from them (only the records appended since normalised) are exactly those of normalising every record: ids,
 * distinct values and their counts (the term frequencies the scorer reads).
 */
class SnapshotNormalisedValuesTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    private static WorkspaceLoader.Loaded load(Workspace w, boolean snapshot) {
        MatchProfile profile = WorkspaceProfile.profile(w);
        String fingerprint = RecordSnapshot.fingerprint(ProfileLoader.toJson(profile));
        return w.read(c -> WorkspaceLoader.load(c, profile, snapshot ? fingerprint : null));
    }

    private static void assertPreparedAlike(Workspace w) {
        MatchProfile profile = WorkspaceProfile.profile(w);
        WorkspaceLoader.Loaded kept = load(w, true);
        assertThat(kept.normalised()).as("normalised values kept with the snapshot").isNotNull();
        assertThat(kept.normalised().count()).isEqualTo(kept.fromSnapshot()).isPositive();
        PreparedRecords withKept = PreparedRecords.prepare(kept.table(), profile, kept.normalised(),
                ProgressListener.NONE, CancellationToken.NONE);
        WorkspaceLoader.Loaded all = load(w, false);
        assertThat(all.normalised()).isNull();
        PreparedRecords fresh = PreparedRecords.prepare(all.table(), profile, ProgressListener.NONE,
                CancellationToken.NONE);
        assertThat(withKept.size()).isEqualTo(fresh.size());
        for (int f = 0; f < profile.fields().size(); f++) {
            PreparedField a = withKept.field(f);
            PreparedField e = fresh.field(f);
            assertThat(a.distinctCount()).as("field %s", e.name()).isEqualTo(e.distinctCount());
            assertThat(a.presentCount()).as("field %s", e.name()).isEqualTo(e.presentCount());
            for (int r = 0; r < fresh.size(); r++) {
                assertThat(a.id(r)).as("field %s record %d", e.name(), r).isEqualTo(e.id(r));
            }
            for (int id = 0; id < e.distinctCount(); id++) {
                assertThat(a.valueOfId(id)).isEqualTo(e.valueOfId(id));
                assertThat(a.count(id)).as("field %s count of %s", e.name(), e.valueOfId(id)).isEqualTo(e.count(id));
            }
        }
    }

    @Test
    void theNextRunPreparesFromKeptValuesWhatNormalisingAllGives() throws Exception {
        TestStore s = TestStore.of(StoreKind.SQLITE, dir);
        try (Workspace w = s.create("person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
            // the estimated run kept the values of its records; those appended since are normalised afresh
            assertPreparedAlike(w);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
            // the incremental run added its new records' values to the snapshot
            assertPreparedAlike(w);
            assertThat(load(w, true).normalised().count()).isEqualTo(load(w, true).fromSnapshot());
        }
    }

    @Test
    void aSnapshotWithoutNormalisedValuesIsWrittenAfreshWithThemAndItsKeys() throws Exception {
        TestStore s = TestStore.of(StoreKind.SQLITE, dir);
        try (Workspace w = s.create("person-de")) {
            Session admin = TestWorkspaces.createWithUsers(w);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
            // the snapshot as a build before kept values wrote it: records and keys, no normalised values
            WorkspaceLoader.Loaded before = load(w, true);
            String fingerprint = RecordSnapshot.fingerprint(ProfileLoader.toJson(WorkspaceProfile.profile(w)));
            w.write(c -> {
                RecordSnapshot.write(c, fingerprint, "2026-12-01T00:00:00Z", before.ids(), before.table(), 0,
                        before.keys(), null);
                return null;
            });
            WorkspaceLoader.Loaded old = load(w, true);
            assertThat(old.normalised()).isNull();
            assertThat(old.keys()).isNotNull();
            TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
            assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.INCREMENTAL);
            WorkspaceLoader.Loaded after = load(w, true);
            assertThat(after.fromSnapshot()).isEqualTo(after.ids().length);
            assertThat(after.normalised()).as("normalised values of every record").isNotNull();
            assertThat(after.normalised().count()).isEqualTo(after.ids().length);
            assertThat(after.keys()).as("the kept keys written again").isNotNull();
            assertThat(after.keys().count()).isEqualTo(after.ids().length);
            TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
            assertPreparedAlike(w);
        }
    }
}
