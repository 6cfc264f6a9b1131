package de.grw.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import de.grw.common.CancellationToken;
import de.grw.common.ProgressListener;
import de.grw.matching.IncrementalMatch;
import de.grw.matching.MatchOptions;
import de.grw.matching.MatchResult;
import de.grw.matching.cluster.PairConstraint;
import de.grw.matching.data.PreparedRecords;
import de.grw.matching.data.RecordTable;
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
 * The records a run takes out of the record snapshot are read when asked for ({@link SnapshotRecords}): reading the
 * snapshot makes no String of a record key, a run that keeps the normalised values asks for the values of its sample
 * only, and whatever is asked for is the record's value, so a run that must read every old record (its kept
 * normalised values and keys not used) finds exactly the pairs of a run that reads all records from the records table.
 */
class SnapshotLazyRecordsTest {
    static {
        System.setProperty("grw.kdf.iterations", "10000");
    }

    @TempDir
    Path dir;

    /** Two registers matched (model estimated, snapshot written), a third imported since. */
    private static Workspace matchedThenImported(TestStore s) {
        Workspace w = s.create("person-de");
        Session admin = TestWorkspaces.createWithUsers(w);
        TestWorkspaces.importFile(w, admin, Path.of("samples", "melderegister.csv"), null);
        TestWorkspaces.importFile(w, admin, Path.of("samples", "sozialamt.csv"), null);
        assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
        TestWorkspaces.importFile(w, admin, Path.of("samples", "kfz_halter.csv"), null);
        return w;
    }

    /** A register of 3,000 generated persons (more than the sample a run checks its kept values on), matched. */
    private Workspace generatedAndMatched() throws Exception {
        java.util.Random random = new java.util.Random(7);
        String[] family = {"Albers", "Brandt", "Claasen", "Dietz", "Ebert", "Fuchs", "Graf", "Hahn", "Jansen",
            "Keller", "Lorenz", "Maurer", "Nagel", "Otten", "Pohl", "Quast", "Roth", "Seidel", "Müller"};
        String[] given = {"Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hanno", "Ida", "Jonas"};
        StringBuilder csv = new StringBuilder("Ordnungsmerkmal;Familienname;Geburtsname;Vornamen;Doktorgrad;"
                + "Geschlecht;Geburtsdatum;Geburtsort;Staatsangehörigkeit;Straße;Hausnummer;PLZ;Wohnort;Steuer-ID;"
                + "Auskunftssperre\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(500000 + i).append(';').append(family[random.nextInt(family.length)]).append(";;")
                    .append(given[random.nextInt(given.length)]).append(";;;").append(10 + random.nextInt(18))
                    .append(".0").append(1 + random.nextInt(9)).append('.').append(1940 + random.nextInt(60))
                    .append(";;deutsch;Weg ").append(random.nextInt(400)).append(';').append(1 + random.nextInt(90))
                    .append(';').append(10000 + random.nextInt(80) * 1000).append(";Stadt;;\n");
        }
        Path file = java.nio.file.Files.createDirectories(dir.resolve("in")).resolve("melderegister.csv");
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
        Workspace w = TestStore.of(StoreKind.SQLITE, dir.resolve("ws")).create("person-de");
        Session admin = TestWorkspaces.createWithUsers(w);
        TestWorkspaces.importFile(w, admin, file, null);
        assertThat(TestWorkspaces.match(w, admin).kind()).isEqualTo(WorkspaceMatcher.Kind.ESTIMATED);
        return w;
    }

    @Test
    void readingTheSnapshotMakesStringsOnlyOfWhatIsAskedFor() throws Exception {
        try (Workspace w = generatedAndMatched()) {
            MatchProfile profile = WorkspaceProfile.profile(w);
            int fields = profile.fields().size();
            String fingerprint = RecordSnapshot.fingerprint(ProfileLoader.toJson(profile));
            RecordTable.Builder builder = new RecordTable.Builder(fields, 1024);
            RecordSnapshot.Read read = w.read(c -> RecordSnapshot.read(c, fingerprint, fields,
                    profile.blocking().size(), builder));
            assertThat(read).isNotNull();
            assertThat(read.normalised()).isNotNull();
            SnapshotRecords lazy = read.records();
            int records = read.ids().length;
            assertThat(lazy.size()).isEqualTo(records).isGreaterThan(1000);
            int afterRead = lazy.madeCount();
            // only dictionary entries that are some record's normalised value too are made while reading (the kept
            // values need them); no record key and far from every value
            assertThat(afterRead).isLessThanOrEqualTo(lazy.stringCount() - records);
            RecordTable table = builder.build();
            PreparedRecords.prepare(table, profile, read.normalised(), ProgressListener.NONE,
                    CancellationToken.NONE);
            int afterPrepare = lazy.madeCount();
            // preparing with the kept values asks each field for the originals of its sample of kept records
            int sample = records / Math.max(1, records / 512) + 1;
            assertThat(afterPrepare - afterRead).isPositive().isLessThanOrEqualTo(fields * sample);
            assertThat(afterPrepare).isLessThan(lazy.stringCount() / 2);
            // what is asked for is the record's own value
            WorkspaceLoader.Loaded all = w.read(c -> WorkspaceLoader.load(c, profile, null));
            for (int r = 0; r < records; r++) {
                assertThat(table.recordId(r)).isEqualTo(all.table().recordId(r));
                assertThat(table.sourceName(r)).isEqualTo(all.table().sourceName(r));
                for (int f = 0; f < fields; f++) {
                    assertThat(table.value(r, f)).as("record %d field %d", r, f).isEqualTo(all.table().value(r, f));
                }
            }
            assertThat(lazy.madeCount()).isEqualTo(lazy.stringCount());
        }
    }

    /**
     * Without the kept normalised values and keys the engine normalises and keys every old record from the values it
     * asks the snapshot for: its pairs (every pair with a new record, and the pairs among the old records new ones
     * reach) and their weights are those of a run over the records read from the records table. Fails when an old
     * record's value asked for late is another's, or missing.
     */
    @Test
    void anIncrementalRunOverLazilyReadRecordsFindsThePairsOfAFreshRead() throws Exception {
        try (Workspace w = matchedThenImported(TestStore.of(StoreKind.SQLITE, dir))) {
            MatchProfile profile = WorkspaceProfile.profile(w);
            String fingerprint = RecordSnapshot.fingerprint(ProfileLoader.toJson(profile));
            WorkspaceLoader.Loaded lazy = w.read(c -> WorkspaceLoader.load(c, profile, fingerprint));
            WorkspaceLoader.Loaded fresh = w.read(c -> WorkspaceLoader.load(c, profile, null));
            assertThat(lazy.fromSnapshot()).isPositive().isLessThan(lazy.ids().length);
            assertThat(lazy.ids()).isEqualTo(fresh.ids());
            long last = lazy.lastRun().lastRecordId();
            boolean[] isNew = new boolean[lazy.ids().length];
            for (int i = 0; i < isNew.length; i++) {
                isNew[i] = lazy.ids()[i] > last;
            }
            MatchResult a = new IncrementalMatch(profile).runWithModel(lazy.table(), lazy.active().model(),
                    MatchOptions.defaults(), isNew, touched -> touched, PairConstraint.NONE, new int[0][], null, null,
                    ProgressListener.NONE, CancellationToken.NONE);
            MatchResult e = new IncrementalMatch(profile).runWithModel(fresh.table(), fresh.active().model(),
                    MatchOptions.defaults(), isNew, touched -> touched, PairConstraint.NONE, new int[0][], null, null,
                    ProgressListener.NONE, CancellationToken.NONE);
            assertThat(e.pairCount()).isGreaterThan(100);
            assertThat(a.candidates().pairs()).isEqualTo(e.candidates().pairs());
            for (int p = 0; p < e.pairCount(); p++) {
                assertThat(a.weight(p)).as("pair %d", p).isEqualTo(e.weight(p));
                assertThat(a.pattern(p)).as("pair %d", p).isEqualTo(e.pattern(p));
            }
            for (int r = 0; r < isNew.length; r++) {
                assertThat(a.clusterOf(r) == a.clusterOf(0)).isEqualTo(e.clusterOf(r) == e.clusterOf(0));
            }
        }
    }
}
